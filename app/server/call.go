package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"reflect"
)

// maxCallBody bounds one call's arguments; uploads of article files are
// the largest (zip archives, base64-encoded).
const maxCallBody = 1 << 30

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
	args, err := decodeArgs(method.Type(), io.LimitReader(r.Body, maxCallBody))
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

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
