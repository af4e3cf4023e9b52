package ner

import "errors"

// EvaluateRe3d is being written.
func EvaluateRe3d(t *Tagger, dir string, minConf float64) (any, error) {
	return nil, errors.New("re3d: not yet")
}
