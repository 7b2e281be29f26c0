// Command folio is an offline desktop library for news articles. It wires
// the built frontend and the icon into the command line; everything else
// lives in app/ and db/.
package main

import (
	"context"
	"embed"
	"io/fs"
	"os"

	"folio/app/cli"
)

//go:embed all:frontend/dist
var dist embed.FS

//go:embed build/appicon.png
var icon []byte

func main() {
	assets, err := fs.Sub(dist, "frontend/dist")
	if err != nil {
		panic(err)
	}
	os.Exit(cli.Main(context.Background(), cli.Env{
		Stdout: os.Stdout,
		Stderr: os.Stderr,
		Getenv: os.Getenv,
		Assets: assets,
		Icon:   icon,
	}, os.Args[1:]))
}
