package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// Limits that keep one bad file from exhausting memory.
const (
	// MaxFileSize is the largest single file (or zip entry) imported.
	MaxFileSize = 32 << 20
	// MaxZipTotal caps what one zip archive may expand to.
	MaxZipTotal = 1 << 30
	// maxZipRatio is the compression ratio above which an entry is treated
	// as a zip bomb rather than text.
	maxZipRatio = 200
)

// Source is one file to read: on disk, inside a zip archive, or uploaded.
type Source struct {
	Path string // shown in reports: the file, or archive.zip/entry
	Size int64
	read func() ([]byte, error)
	// Folder is where the file sat inside what was dropped, starting with
	// the dropped folder's or archive's own name ("bbc/business"); it can
	// become a tag.
	Folder string
	// Skip, when set, says why this file is not imported (hidden, other
	// type); Err says why it could not even be listed.
	Skip string
	Err  error
	// uploaded: the contents were sent, and Path is only the name the
	// sender gave them (see db.NewArticle.Uploaded).
	uploaded bool
}

// Read returns the file's bytes, refusing files over MaxFileSize.
func (s Source) Read() ([]byte, error) {
	if s.Size > MaxFileSize {
		return nil, tooLarge(s.Size)
	}
	return s.read()
}

func tooLarge(size int64) error {
	return fmt.Errorf("the file is %s, over the %s limit for one article file", humanSize(size), humanSize(MaxFileSize))
}

// BytesSource is a file whose contents are already in memory (an upload).
func BytesSource(name string, data []byte) Source {
	return Source{Path: name, Size: int64(len(data)), read: func() ([]byte, error) { return data, nil }}
}

// isArticleFile reports whether a file name has a type Folio imports.
func isArticleFile(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".json", ".jsonld", "":
		return true
	}
	return false
}

func isZip(name string) bool { return strings.EqualFold(path.Ext(name), ".zip") }

// skipReason says why a name is passed over, or "" when it is not.
func skipReason(name string) string {
	base := path.Base(filepath.ToSlash(name))
	switch {
	case strings.HasPrefix(base, "."):
		return "hidden file"
	case base == "__MACOSX" || strings.Contains(filepath.ToSlash(name), "__MACOSX/"):
		return "macOS metadata"
	case !isArticleFile(base) && !isZip(base):
		return "not an article file type (" + strings.ToLower(path.Ext(base)) + ")"
	}
	return ""
}

// Expansion is the list of files behind what a person dropped. Close it
// when done: zip archives stay open while their entries are read.
type Expansion struct {
	Sources []Source
	closers []io.Closer
	// roots, when set, are the only folders files may be read from (see
	// ExpandWithin).
	roots []string
}

// Close releases the archives the expansion opened.
func (e *Expansion) Close() {
	for _, c := range e.closers {
		c.Close()
	}
	e.closers = nil
}

// Expand lists the files behind the given paths: files as they are, folders
// recursively in name order, zip archives entry by entry. A path that cannot
// be read becomes a Source carrying the error, so the rest go on.
func Expand(paths []string) *Expansion {
	return ExpandWithin(paths, nil)
}

// ExpandWithin is Expand reading only files that are, once symlinks are
// followed, inside one of roots; others are skipped and said so. With nil
// roots, any file is read.
func ExpandWithin(paths, roots []string) *Expansion {
	e := &Expansion{roots: roots}
	for _, p := range paths {
		e.addPath(p)
	}
	return e
}

// Within reports whether path, once symlinks are followed, is one of
// roots or inside one. roots must be absolute and free of symlinks.
func Within(path string, roots []string) bool {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return false
	}
	if real, err = filepath.Abs(real); err != nil {
		return false
	}
	for _, root := range roots {
		rel, err := filepath.Rel(root, real)
		if err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// outsideReason is why a file outside the expansion's roots is skipped.
const outsideReason = "outside the folders Folio was allowed to read"

func (e *Expansion) add(s ...Source) { e.Sources = append(e.Sources, s...) }

func (e *Expansion) addPath(p string) {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs // the same file is the same article whatever folder Folio ran in
	}
	info, err := os.Stat(p)
	if err != nil {
		e.add(Source{Path: p, Err: friendlyFSError(err)})
		return
	}
	if info.IsDir() {
		e.addDir(p)
		return
	}
	e.addFile(p, info)
}

func (e *Expansion) addFile(p string, info fs.FileInfo) {
	if e.roots != nil && !Within(p, e.roots) {
		e.add(Source{Path: p, Skip: outsideReason})
		return
	}
	if reason := notRegular(info); reason != "" {
		e.add(Source{Path: p, Skip: reason})
		return
	}
	size := info.Size()
	if isZip(p) {
		e.addZipFile(p, size)
		return
	}
	if reason := skipReason(p); reason != "" {
		e.add(Source{Path: p, Skip: reason})
		return
	}
	e.add(Source{Path: p, Size: size, read: func() ([]byte, error) { return readFile(p) }})
}

func (e *Expansion) addDir(root string) {
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			e.add(Source{Path: p, Err: friendlyFSError(err)})
			return nil
		}
		if p != root && d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "__MACOSX") {
			return filepath.SkipDir
		}
		if d.IsDir() {
			return nil
		}
		info, err := os.Stat(p)
		if err != nil {
			e.add(Source{Path: p, Err: friendlyFSError(err)})
			return nil
		}
		if !info.IsDir() {
			e.addFile(p, info)
			e.setFolder(root, p)
		}
		return nil
	})
	if err != nil {
		e.add(Source{Path: root, Err: friendlyFSError(err)})
	}
}

// setFolder records, on the sources just added for p, the folder p sat in
// relative to the dropped root, prefixed by the root's own name.
func (e *Expansion) setFolder(root, p string) {
	rel, err := filepath.Rel(filepath.Dir(root), filepath.Dir(p))
	if err != nil || rel == "." {
		return
	}
	folder := filepath.ToSlash(rel)
	for i := len(e.Sources) - 1; i >= 0 && strings.HasPrefix(e.Sources[i].Path, p); i-- {
		if e.Sources[i].Folder == "" {
			e.Sources[i].Folder = folder
		} else {
			e.Sources[i].Folder = folder + "/" + e.Sources[i].Folder
		}
	}
}

// notRegular says why a file that is not a regular one (a named pipe, a
// socket, a device) is passed over, or "" for a regular file: reading a
// named pipe waits for a writer that may never come, and the import with it.
func notRegular(info fs.FileInfo) string {
	mode := info.Mode()
	switch {
	case mode.IsRegular():
		return ""
	case mode&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), not a regular file"
	case mode&fs.ModeSocket != 0:
		return "a socket, not a regular file"
	case mode&fs.ModeDevice != 0:
		return "a device, not a regular file"
	}
	return "not a regular file"
}

// readFile reads a regular file. It opens without waiting (a file that
// became a named pipe since it was listed would block a plain open) and
// checks what it opened.
func readFile(p string) ([]byte, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, friendlyFSError(err)
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil {
		return nil, friendlyFSError(err)
	} else if reason := notRegular(info); reason != "" {
		return nil, errors.New(reason)
	}
	data, err := readAll(f)
	if err != nil {
		return nil, friendlyFSError(err)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	return data, nil
}

// readAll reads up to MaxFileSize+1 bytes into a buffer of the file's own
// size when it is known: growing one by doubling, as io.ReadAll does,
// allocates about three times a large file's size.
func readAll(f *os.File) ([]byte, error) {
	size := 512
	if info, err := f.Stat(); err == nil && info.Size() > 0 {
		size = int(min(info.Size(), MaxFileSize)) + 1 // one more byte finds the end, or a file grown too large
	}
	buf := make([]byte, 0, size)
	for len(buf) <= MaxFileSize {
		if len(buf) == cap(buf) { // the file grew since Stat
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if errors.Is(err, io.EOF) {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return buf, nil
}

// friendlyFSError words file-system errors for a person.
func friendlyFSError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("the file is no longer there (moved or deleted before it could be read)")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied: Folio is not allowed to read this file")
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func (e *Expansion) addZipFile(p string, size int64) {
	if size == 0 {
		e.add(Source{Path: p, Err: errors.New("the zip archive is empty (0 bytes)")})
		return
	}
	f, err := os.Open(p)
	if err != nil {
		e.add(Source{Path: p, Err: friendlyFSError(err)})
		return
	}
	e.closers = append(e.closers, f)
	e.addZip(p, f, size)
}

// AddUpload adds an uploaded file's contents, expanding a zip.
func (e *Expansion) AddUpload(name string, data []byte) {
	first := len(e.Sources)
	defer func() {
		for i := first; i < len(e.Sources); i++ {
			e.Sources[i].uploaded = true
		}
	}()
	switch {
	case isZip(name) && len(data) == 0:
		e.add(Source{Path: name, Err: errors.New("the zip archive is empty (0 bytes)")})
	case isZip(name):
		e.addZip(name, bytes.NewReader(data), int64(len(data)))
	case skipReason(name) != "":
		e.add(Source{Path: name, Skip: skipReason(name)})
	default:
		src := BytesSource(name, data)
		// A file of an uploaded folder comes named by its path in it.
		if dir := path.Dir(filepath.ToSlash(name)); dir != "." && !strings.HasPrefix(dir, "/") {
			src.Folder = dir
		}
		e.add(src)
	}
}

// addZip lists a zip archive's entries. Entries that would escape the
// archive's folder, bombs and nested archives are refused one by one.
func (e *Expansion) addZip(name string, r io.ReaderAt, size int64) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		e.add(Source{Path: name, Err: fmt.Errorf("the zip archive is damaged or not a zip file (%v)", err)})
		return
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var total uint64
	for _, f := range files {
		if f.FileInfo().IsDir() {
			continue
		}
		src := zipEntry(name, f)
		if src.Err == nil && src.Skip == "" {
			total += f.UncompressedSize64
			if total > MaxZipTotal {
				src.Err = fmt.Errorf("the archive expands to more than %s; the rest of it was not imported", humanSize(MaxZipTotal))
				e.add(src)
				return
			}
		}
		e.add(src)
	}
}

func zipEntry(archive string, f *zip.File) Source {
	display := archive + "/" + f.Name
	clean := path.Clean(strings.ReplaceAll(f.Name, `\`, "/"))
	switch {
	case strings.HasPrefix(clean, "../") || clean == ".." || path.IsAbs(clean):
		return Source{Path: display, Err: errors.New("the entry's path points outside the archive; refused")}
	case skipReason(clean) != "":
		return Source{Path: display, Skip: skipReason(clean)}
	case isZip(clean):
		return Source{Path: display, Skip: "zip archive inside a zip archive"}
	case f.UncompressedSize64 > MaxFileSize:
		return Source{Path: display, Err: tooLarge(int64(f.UncompressedSize64))}
	case f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxZipRatio && f.UncompressedSize64 > 1<<20:
		return Source{Path: display, Err: errors.New("the entry is compressed suspiciously well (a zip bomb?); refused")}
	}
	folder := strings.TrimSuffix(path.Base(filepath.ToSlash(archive)), path.Ext(archive))
	if dir := path.Dir(clean); dir != "." {
		folder += "/" + dir
	}
	return Source{Path: display, Folder: folder, Size: int64(f.UncompressedSize64), read: func() ([]byte, error) { return readZipEntry(f) }}
}

// readZipEntry reads an entry, trusting not its declared size but what it
// actually expands to.
func readZipEntry(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("cannot read the entry from the archive: %v", err)
	}
	defer rc.Close()
	data, err := io.ReadAll(io.LimitReader(rc, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("the archive entry is damaged: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, tooLarge(int64(len(data)))
	}
	return data, nil
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
