package cli

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFileKeepsTheOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "model.bin")
	if err := writeFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "good"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if err := writeFile(path, func(w io.Writer) error { io.WriteString(w, "trunc"); return boom }); !errors.Is(err, boom) {
		t.Fatalf("error %v, want boom", err)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "good" {
		t.Fatalf("after a failed write: %q %v, want the old file", b, err)
	}
	ents, _ := os.ReadDir(filepath.Dir(path))
	if len(ents) != 1 {
		t.Errorf("temporary files left: %v", ents)
	}
}

func TestReadFileNamesTheFileOnBadContent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.txt")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := errors.New("bad content")
	_, err := readFile(path, func(io.Reader) (int, error) { return 0, bad })
	if !errors.Is(err, bad) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v: want bad content naming %s", err, path)
	}
	n, err := readFile(path, func(r io.Reader) (int, error) { b, err := io.ReadAll(r); return len(b), err })
	if err != nil || n != 1 {
		t.Errorf("read %d, %v", n, err)
	}
}
