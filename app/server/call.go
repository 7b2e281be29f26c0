package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"reflect"
	"time"

	"folio/app"
)

// Bounds on one call's arguments, so that one request cannot take the
// memory of the machine: an upload carries at most app.MaxUploadTotal bytes
// of files, base64-encoded; every other call is small.
const (
	maxCallBody   = 1 << 20
	maxUploadBody = (app.MaxUploadTotal+2)/3*4 + maxCallBody
)

// bodyTimeout bounds the reading of a call's arguments: a request sent
// half and left does not hold its connection for ever.
var bodyTimeout = time.Minute

// bodyLimit is how many bytes the arguments of method may take.
func bodyLimit(method string) int64 {
	if method == "ImportUploads" {
		return maxUploadBody
	}
	return maxCallBody
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// call runs one bound method of the app: the body is the JSON array of its
// arguments, the answer its result, or {"error": "..."} when it failed.
func (s *Server) call(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Folio-Call") != "1" {
		// A custom header cannot be sent cross-site without a CORS preflight,
		// which this server never grants.
		writeJSON(w, http.StatusForbidden, map[string]string{"error": "missing X-Folio-Call header"})
		return
	}
	method := reflect.ValueOf(s.app).MethodByName(r.PathValue("method"))
	if !method.IsValid() {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "no such method: " + r.PathValue("method")})
		return
	}
	rc := http.NewResponseController(w)
	args, err := decodeArgs(method.Type(), http.MaxBytesReader(w, r.Body, bodyLimit(r.PathValue("method"))))
	if err == nil {
		rc.SetReadDeadline(time.Time{}) // the call itself (an import) may take long
	}
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		writeJSON(w, http.StatusRequestEntityTooLarge, map[string]string{"error": fmt.Sprintf(
			"the request is over the %s a call may send; import fewer files at a time, or import them from disk (folio import)",
			sizeText(tooLarge.Limit))})
		return
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	result, err := invoke(method, args)
	if err != nil {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, result)
}

func decodeArgs(t reflect.Type, body io.Reader) ([]reflect.Value, error) {
	var raw []json.RawMessage
	if err := json.NewDecoder(body).Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, err
		}
		return nil, fmt.Errorf("arguments are not a JSON array: %v", err)
	}
	if len(raw) > t.NumIn() {
		return nil, fmt.Errorf("%d arguments given, the method takes %d", len(raw), t.NumIn())
	}
	args := make([]reflect.Value, t.NumIn())
	for i := range args {
		v := reflect.New(t.In(i))
		if i < len(raw) && string(raw[i]) != "null" {
			if err := json.Unmarshal(raw[i], v.Interface()); err != nil {
				return nil, fmt.Errorf("argument %d: %v", i+1, err)
			}
		}
		args[i] = v.Elem()
	}
	return args, nil
}

// invoke calls the method and splits its results into a value and an error,
// the way Wails resolves or rejects the promise.
func invoke(method reflect.Value, args []reflect.Value) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("panic in bound method: %v", r)
			err = errors.New("Folio hit an internal error; the action was not completed")
		}
	}()
	out := method.Call(args)
	if n := len(out); n > 0 && out[n-1].Type() == errorType {
		if e := out[n-1].Interface(); e != nil {
			return nil, e.(error)
		}
		out = out[:n-1]
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out[0].Interface(), nil
}

func sizeText(n int64) string {
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
