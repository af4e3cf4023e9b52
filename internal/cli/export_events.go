package cli

import (
	"context"
	"encoding/csv"
	"io"
	"strconv"
	"strings"

	"sitrep/internal/article"
	"sitrep/internal/country"
)

// eachArticle is what the event exports need from the store.
type eachArticle interface {
	Each(ctx context.Context, fn func(*article.Article) error) error
}

func intOr(p *int, def string) string {
	if p == nil {
		return def
	}
	return strconv.Itoa(*p)
}

func ff(v float64) string { return strconv.FormatFloat(v, 'f', 5, 64) }

// exported reports whether an event goes into the event exports: done (not
// hypothetical or negated) and at least minConf confident.
func exported(e article.Event, minConf float64) bool {
	return !e.Hypothetical && !e.Negated && e.Confidence >= minConf
}

// eventRows turns an article's coded events into ACLED-like rows. Event ids
// are the article id and the event's position among all its events, so they
// stay the same whatever is left out.
func eventRows(a *article.Article, minConf float64) [][]string {
	var rows [][]string
	for i, e := range a.Events {
		if !exported(e, minConf) {
			continue
		}
		loc, cc, lat, lon := "", "", "", ""
		if e.Location != nil {
			loc, cc = e.Location.Name, e.Location.Country
			if e.Location.Lat != 0 || e.Location.Lon != 0 {
				lat, lon = ff(e.Location.Lat), ff(e.Location.Lon)
			}
		}
		notes := e.Evidence.Sentence
		for _, m := range e.More {
			notes += " | " + m.Sentence
		}
		rows = append(rows, []string{
			a.ID + "-" + strconv.Itoa(i+1), e.Date, e.Type, e.Mode, e.CAMEO,
			e.Source.Name, e.Source.Country, e.Source.Role,
			e.Target.Name, e.Target.Country, e.Target.Role,
			cc, loc, lat, lon, intOr(e.Fatalities, "0"), intOr(e.Injured, ""), e.ClaimedBy, reportedBy(e),
			a.URL, a.Source, a.ID, strconv.FormatFloat(e.Confidence, 'f', 3, 64), notes,
		})
	}
	return rows
}

// reportedBy names who the evidence says reported the event, "" for none.
func reportedBy(e article.Event) string {
	if e.ReportedBy == nil {
		return ""
	}
	return e.ReportedBy.Name
}

func exportEventsCSV(ctx context.Context, st eachArticle, out io.Writer, minConf float64) error {
	w := csv.NewWriter(out)
	w.Write([]string{"event_id", "event_date", "event_type", "sub_event_type", "cameo",
		"actor1", "actor1_country", "actor1_role", "actor2", "actor2_country", "actor2_role",
		"country", "location", "latitude", "longitude", "fatalities", "injured", "claimed_by", "reported_by",
		"source_url", "source", "article_id", "confidence", "notes"})
	err := st.Each(ctx, func(a *article.Article) error {
		for _, r := range eventRows(a, minConf) {
			if err := w.Write(r); err != nil {
				return err
			}
		}
		return nil
	})
	w.Flush()
	if err != nil {
		return err
	}
	return w.Error()
}

// quadClass is GDELT's QuadClass for a CAMEO root code.
func quadClass(cameo string) string {
	if len(cameo) < 2 {
		return ""
	}
	r, err := strconv.Atoi(cameo[:2])
	if err != nil {
		return ""
	}
	switch {
	case r <= 5:
		return "1"
	case r <= 8:
		return "2"
	case r <= 13:
		return "3"
	}
	return "4"
}

// gdeltColumns are the GDELT 2.0 event table columns sitrep fills.
var gdeltColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
	"NumMentions", "NumSources", "NumArticles", "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
	"DATEADDED", "SOURCEURL"}

func exportGDELT(ctx context.Context, st eachArticle, out io.Writer, minConf float64) error {
	w := csv.NewWriter(out)
	w.Comma = '\t'
	w.Write(gdeltColumns)
	ix := country.Default()
	err := st.Each(ctx, func(a *article.Article) error {
		for i, e := range a.Events {
			if !exported(e, minConf) {
				continue
			}
			date := strings.ReplaceAll(e.Date, "-", "")
			for len(date) < 8 && len(date) >= 4 {
				date += "00"
			}
			month, year := "", ""
			if len(date) >= 6 {
				month, year = date[:6], date[:4]
			}
			code := func(ac article.Actor) string { return ac.Country + ac.Role }
			base, root := e.CAMEO, e.CAMEO
			if len(base) > 3 {
				base = base[:3]
			}
			if len(root) > 2 {
				root = root[:2]
			}
			geoType, geoName, geoCC, lat, lon := "", "", "", "", ""
			if e.Location != nil {
				geoName = e.Location.Name
				geoType = "4" // world city
				if c, ok := ix.ByAlpha2(e.Location.Country); ok {
					geoCC = c.Alpha2
					if strings.EqualFold(c.Name, e.Location.Name) {
						geoType = "1"
					}
				}
				if e.Location.Lat != 0 || e.Location.Lon != 0 {
					lat, lon = ff(e.Location.Lat), ff(e.Location.Lon)
				}
			}
			isRoot := "0"
			if i == 0 {
				isRoot = "1"
			}
			added := strings.ReplaceAll(a.Published.Date, "-", "")
			if len(added) > 8 {
				added = added[:8]
			}
			if err := w.Write([]string{a.ID + "-" + strconv.Itoa(i+1), date, month, year,
				code(e.Source), strings.ToUpper(e.Source.Name), e.Source.Country, e.Source.Role,
				code(e.Target), strings.ToUpper(e.Target.Name), e.Target.Country, e.Target.Role,
				isRoot, e.CAMEO, base, root, quadClass(e.CAMEO),
				strconv.Itoa(1 + len(e.More)), "1", "1", geoType, geoName, geoCC, lat, lon, added, a.URL}); err != nil {
				return err
			}
		}
		return nil
	})
	w.Flush()
	if err != nil {
		return err
	}
	return w.Error()
}
