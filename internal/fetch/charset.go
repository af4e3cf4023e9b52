package fetch

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// ToUTF8 converts an HTML or text body to UTF-8. The encoding is found the
// way browsers find it: a byte-order mark, then the charset parameter of
// contentType, then a <meta> declaration in the first 1024 bytes, else
// UTF-8 when the bytes are valid UTF-8 and windows-1252 otherwise. It
// returns the converted body and the name of the encoding converted from
// ("" when the body was already UTF-8). A <meta> charset declaration in a
// converted body is rewritten to utf-8 so that a later parser does not
// decode the text a second time.
func ToUTF8(body []byte, contentType string) ([]byte, string, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" || (!certain && utf8.Valid(body)) {
		if !utf8.Valid(body) {
			body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
		}
		return body, "", nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, "", fmt.Errorf("decode %s: %w", name, err)
	}
	return rewriteMetaCharset(out), name, nil
}

var metaCharset = regexp.MustCompile(`(?i)(<meta[^>]*charset\s*=\s*["']?)([a-z0-9_:.\-]+)`)

func rewriteMetaCharset(b []byte) []byte {
	head := b[:min(len(b), 4096)]
	loc := metaCharset.FindSubmatchIndex(head)
	if loc == nil {
		return b
	}
	out := make([]byte, 0, len(b)+8)
	out = append(out, b[:loc[4]]...)
	out = append(out, "utf-8"...)
	return append(out, b[loc[5]:]...)
}
