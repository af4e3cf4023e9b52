// Package corpus generates synthetic news articles in sitrep's plain-text
// layout, for benchmarks and load tests: varied headlines, captions,
// credits, related links and body paragraphs built from templates with a
// seeded random source, so a run is repeatable.
//
// The text is plausible, not real news; it is never used for evaluation.
package corpus

import (
	"fmt"
	"math/rand"
	"strings"
)

var (
	actors   = []string{"Russian forces", "Ukrainian troops", "Israeli aircraft", "Hamas fighters", "Syrian government forces", "Islamic State militants", "Houthi rebels", "Saudi-led coalition jets", "Nigerian soldiers", "Boko Haram insurgents", "police", "protesters", "the army", "al Shabaab militants", "Taliban fighters"}
	verbs    = []string{"attacked", "shelled", "bombed", "raided", "struck", "fired rockets at", "ambushed", "clashed with"}
	places   = []string{"Aleppo", "Raqqa", "Kharkiv", "Donetsk", "Gaza City", "Khan Younis", "Sanaa", "Hodeidah", "Maiduguri", "Mogadishu", "Kabul", "Kandahar", "Mosul", "Tripoli", "Benghazi", "Idlib", "Mariupol", "Bakhmut", "Marib", "Kunduz"}
	months   = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	officals = []string{"a military spokesman", "the interior ministry", "local officials", "a United Nations official", "witnesses", "hospital sources", "the governor", "a senior security source"}
	topics   = []string{
		"The central bank left interest rates unchanged, citing slowing inflation and weak demand.",
		"Parliament approved the budget after a long debate over defence spending.",
		"Heavy rains caused flooding in several provinces, forcing thousands from their homes.",
		"The foreign minister met his counterpart to discuss trade and security cooperation.",
		"Shares in the company rose after it reported higher quarterly profits.",
		"Health officials reported a rise in cholera cases in camps for displaced people.",
	}
)

// Article returns the i-th synthetic article of the corpus seeded by seed.
func Article(seed int64, i int) string {
	r := rand.New(rand.NewSource(seed*1_000_003 + int64(i)))
	pick := func(xs []string) string { return xs[r.Intn(len(xs))] }
	a, b := pick(actors), pick(actors)
	for b == a {
		b = pick(actors)
	}
	place := pick(places)
	killed := 2 + r.Intn(60)
	year := 2014 + r.Intn(10)
	month := pick(months)
	day := 1 + r.Intn(27)
	var sb strings.Builder
	if r.Intn(3) == 0 {
		sb.WriteString("Wars and Military Conflicts\n\n")
	}
	fmt.Fprintf(&sb, "%s %s %s near %s, %d killed (#%d)\n\n", title(a), pick(verbs), b, place, killed, i)
	if r.Intn(2) == 0 {
		fmt.Fprintf(&sb, "Residents inspect damaged buildings in %s on %s %d, %d.\nStringer / Reuters\n\n", place, month, day, year)
	}
	fmt.Fprintf(&sb, "%s %s %s near %s on %s, killing at least %d people, %s said.\n\n", title(a), pick(verbs), b, place, pick(weekdays), killed, pick(officals))
	fmt.Fprintf(&sb, "The attack came after days of fighting around %s, where %s have been trying to advance since %s.\n\n", place, b, month)
	fmt.Fprintf(&sb, "\"We will respond to this aggression,\" %s said in a statement, adding that %d people were wounded.\n\n", pick(officals), killed*2)
	if r.Intn(2) == 0 {
		fmt.Fprintf(&sb, "Fighting in %s escalates\n\n", pick(places))
	}
	sb.WriteString(pick(topics) + "\n\n")
	fmt.Fprintf(&sb, "Aid agencies said they were unable to reach %s because of the fighting.\n", place)
	return sb.String()
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
