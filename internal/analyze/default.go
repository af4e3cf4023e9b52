package analyze

import (
	"sitrep/internal/classify"
	"sitrep/internal/entities"
	"sitrep/internal/events"
	"sitrep/internal/geo"
	"sitrep/internal/timex"
)

// Default builds the pipeline with every shipped model, loaded once.
func Default() (*Pipeline, error) {
	topics, err := classify.NewDefault()
	if err != nil {
		return nil, err
	}
	ner, err := entities.NewDefault()
	if err != nil {
		return nil, err
	}
	places, err := geo.NewDefault()
	if err != nil {
		return nil, err
	}
	return &Pipeline{Stages: []Stage{
		topics,
		timex.New(),
		ner,
		places.WithLexicons(geo.NewLexicons()),
		events.New(),
	}}, nil
}
