package importer

import (
	"strings"
	"testing"
)

func TestDropBoilerplate(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>Ferry line reopens | Harbour News</title></head><body>
<article>
<p><a href="/entertainment">Entertainment</a></p>
<h1>Ferry line reopens</h1>
<p>Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM</p>
<figure><img src="a.jpg"><figcaption>The ferry at dawn. Photo: Ana Ruiz</figcaption></figure>
<p>The harbour council voted on Friday to reopen the old ferry line to the islands after a gap of eleven years, and the first boats will sail in spring.</p>
<p>Advertisement</p>
<p>Councillors said the service would run twice a day in summer and once a day in winter, and that a return ticket would cost less than the bus.</p>
<div><img src="b.jpg"></div><p>The pier in 1990</p>
<p>Islanders have asked for the line since the last boat was sold, and a petition gathered four thousand names in a month.</p>
<div><img src="c.jpg"></div><p>The pier in 1990</p>
<p><a href="https://shop.example/tickets">Get a season ticket at the harbour shop</a></p>
<p>Also on harbour.example <a href="/x">Lighthouse keeper retires after forty years</a></p>
<p>LATEST NEWS</p>
<p>https://harbour.example/news/ferry-line-reopens</p>
<p>[button link="/tips" type="big"]Send us your story[/button]</p>
<p>On harbour.example, readers voted the return of the ferry the best news of the year by a wide margin.</p>
<p>Get the Harbour Weekly delivered to your door every Friday. Click here for more information.</p>
<p>The old ferry leaves the pier for the last time. (AP Photo/Jo Marsh, File)</p>
<p>Like this story? Share it with a friend!</p>
<p>There is more where that came from. Sign up for the Harbour Weekly newsletter today.</p>
<p>The operator will hire twelve crew, most of them from the islands, and train them over the winter at the old yard.</p>
<p>You may also like...</p>
<ul><li><a href="/a">Bus fares frozen for another year</a></li><li><a href="/b">New bridge opens to walkers</a></li><li><a href="/c">Harbour wall repaired</a></li></ul>
<p><a href="/d">Tram line to the airport approved</a></p>
<p><a href="/e">Night market returns to the square</a></p>
</article></body></html>`
	docs, err := Parse("ferry.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	body := docs[0].Body
	for _, kept := range []string{
		"The harbour council voted on Friday", "twice a day in summer", "four thousand names",
		"The pier in 1990", // the first time
		"Get a season ticket at the harbour shop", "train them over the winter",
		"On harbour.example, readers voted", // a sentence that names a site is not a link to it
	} {
		if !strings.Contains(body, kept) {
			t.Errorf("the article lost %q:\n%s", kept, body)
		}
	}
	for _, dropped := range []string{
		"Entertainment", "Updated Nov 19", "Photo: Ana Ruiz", "Advertisement", "You may also like",
		"Bus fares frozen", "Tram line to the airport", "Night market returns",
		"Also on harbour.example", "Lighthouse keeper retires", "LATEST NEWS", "https://harbour.example/news",
		"Send us your story", "Click here for more", "AP Photo", "Like this story", "Sign up for the Harbour Weekly",
	} {
		if strings.Contains(body, dropped) {
			t.Errorf("the article kept %q:\n%s", dropped, body)
		}
	}
	if n := strings.Count(body, "The pier in 1990"); n != 1 {
		t.Errorf("a caption repeated under a gallery shows %d times, want once", n)
	}
}
