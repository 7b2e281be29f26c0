package app

// ContentSecurityPolicy is sent with every page of the app, in the window and
// in the browser mode. Article HTML is untrusted: no inline or remote script
// may run, nothing is loaded from the network, and nothing may frame the app.
const ContentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self'; " +
	"style-src 'self' 'unsafe-inline'; " + // Svelte sets style attributes
	"img-src 'self' data: blob:; " +
	"font-src 'self' data:; " +
	"connect-src 'self'; " +
	"media-src 'none'; object-src 'none'; frame-src 'none'; child-src 'none'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
