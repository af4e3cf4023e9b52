package entities

import (
	"strings"

	"sitrep/internal/country"
	"sitrep/internal/nlp"
)

// CAMEO-style agent codes the stage assigns. CAMEO's full list is longer;
// these are the ones the role lexicon below produces.
const (
	GOV = "GOV" // government: heads of state, ministers, officials, diplomats
	LEG = "LEG" // legislature: lawmakers, parliament
	MIL = "MIL" // military: armed forces, officers, warplanes
	REB = "REB" // rebels: armed opposition
	INS = "INS" // insurgents: militants, jihadist groups
	COP = "COP" // police and security services
	JUD = "JUD" // judiciary: judges, courts, prosecutors
	OPP = "OPP" // political opposition, dissidents, protesters
	CVL = "CVL" // civilians
	REF = "REF" // refugees and displaced people
	MED = "MED" // media: journalists, broadcasters
	BUS = "BUS" // business: companies, airlines, banks
	IGO = "IGO" // inter-governmental organisations: UN, NATO, APEC
	NGO = "NGO" // non-governmental organisations: aid groups, rights groups
	REL = "REL" // religious figures and bodies
	SPY = "SPY" // intelligence services
	HLH = "HLH" // health workers
	EDU = "EDU" // education: students, teachers, universities
	LAB = "LAB" // labour unions
)

// roleWords maps a lower-case word (singular and plural) to its role. A
// strong word names a sector ("police", "rebels", "government"); a weak one
// only a position ("commander", "spokesman") and yields to any strong word in
// the same phrase.
var roleWords = map[string]struct {
	role   string
	strong bool
}{}

func init() {
	add := func(role string, strong bool, words string) {
		for _, w := range strings.Fields(words) {
			roleWords[w] = struct {
				role   string
				strong bool
			}{role, strong}
		}
	}
	add(GOV, true, "president presidents vice-president premier minister ministers ministry government governments "+
		"administration cabinet chancellor king queen prince emir sultan monarch governor governors mayor mayors "+
		"ambassador ambassadors envoy envoys diplomat diplomats diplomatic embassy secretary-general "+
		"state-run authorities regime junta kremlin statesman president-elect")
	add(GOV, false, "official officials spokesman spokeswoman spokesperson secretary leader leaders "+
		"aide aides adviser advisers advisor head chief")
	add(LEG, true, "parliament parliamentary lawmaker lawmakers legislator legislators legislature senator senators "+
		"congressman congresswoman congress mp mps senate assembly")
	add(MIL, true, "military army armies troops soldier soldiers navy naval air-force airforce marines warplanes warplane "+
		"jets jet fighter-jets bombers aircraft drones drone forces force artillery tanks paratroopers "+
		"general generals colonel colonels admiral commander-in-chief battalion brigade regiment militia militias peacekeepers "+
		"guard guards corps")
	add(MIL, false, "coalition")
	add(MIL, false, "commander commanders officer officers")
	add(REB, true, "rebel rebels guerrilla guerrillas guerillas separatist separatists fighters")
	add(INS, true, "militant militants insurgent insurgents insurgency jihadist jihadists extremist extremists "+
		"terrorist terrorists gunmen gunman attackers bomber suicide-bomber")
	add(COP, true, "police policeman policemen policewoman cop cops gendarmes gendarmerie security-forces riot-police "+
		"security-force law-enforcement constable constables")
	add(JUD, true, "judge judges court courts prosecutor prosecutors judiciary tribunal attorney-general justice")
	add(OPP, true, "opposition dissident dissidents protester protesters protestors demonstrators activist activists")
	add(CVL, true, "civilian civilians residents villagers people holidaymakers tourists passengers citizens")
	add(REF, true, "refugee refugees migrants migrant displaced asylum-seekers")
	add(MED, true, "journalist journalists reporter reporters newspaper newspapers media broadcaster television "+
		"tv news agency correspondent")
	add(BUS, true, "company companies firm firms airline airlines airways carrier corporation corp inc ltd bank banks "+
		"businessman businessmen executive executives ceo group-owned conglomerate")
	add(IGO, true, "un u.n. nato igo")
	add(NGO, true, "ngo ngos charity charities aid-group rights-group non-governmental")
	add(REL, true, "cleric clerics imam imams bishop archbishop pope priest priests church mosque rabbi")
	add(SPY, true, "intelligence spy spies")
	add(HLH, true, "doctor doctors nurse nurses medics hospital")
	add(EDU, true, "student students teacher teachers university universities school")
	add(LAB, true, "union unions")
}

// Attributes reads the actor a noun phrase names: its country (ISO 3166-1
// alpha-3, from a country name, short form or demonym in the phrase, via
// internal/country) and its CAMEO-style role (from the role lexicon above,
// or the alias table of well-known actors).
//
//	"Russian warplanes"                 -> RUS MIL
//	"Syrian rebels"                     -> SYR REB
//	"Israeli police"                    -> ISR COP
//	"U.S. President Barack Obama"       -> USA GOV
//	"a senior French government source" -> FRA GOV
//	"militants"                         -> ""  INS
//	"NATO"                              -> ""  IGO
//	"the West"                          -> ""  ""  (a bloc, not a country: no code)
//
// When a phrase has several role words the strong ones (sectors:
// "police", "rebels", "government") beat weak ones (positions:
// "commander", "spokesman"), and among equals the last, the head noun, wins
// ("rebel commander" -> REB, "military court" -> JUD). Either result may be
// "". It is deterministic and safe for concurrent use.
func Attributes(phrase string) (country3, role string) {
	toks := nlp.Tokenize(phrase)
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		words = append(words, t.Text)
	}
	return attributes(words)
}

// attributes is Attributes on words already tokenized.
func attributes(words []string) (country3, role string) {
	country3, role, _ = attributesStrong(words)
	return country3, role
}

// attributesStrong also reports whether the role came from a strong word.
func attributesStrong(words []string) (country3, role string, strongSeen bool) {
	if a, ok := lookupAlias(strings.Join(words, " ")); ok {
		return a.Country, a.Role, true
	}
	ix := country.Default()
	group := ""
	afterOf := false
	mark := map[string]bool{}
	for i := 0; i < len(words); i++ {
		w := trimPossessive(words[i])
		// a known actor's name, longest first: its role is final ("U.N.
		// peacekeepers" stay IGO, "Islamic State fighters" INS)
		if isCapitalized(w) || isAcronym(w) {
			for n := min(8, len(words)-i); n >= 1; n-- {
				if a, ok := lookupAlias(trimPossessive(strings.Join(words[i:i+n], " "))); ok && a.Role != "" {
					if country3 == "" {
						country3 = a.Country
					}
					return country3, a.Role, true
				}
			}
		}
		if country3 == "" && isCapitalized(w) {
			// longest country name or demonym starting here, up to 3 words
			for n := min(3, len(words)-i); n >= 1; n-- {
				p := trimPossessive(strings.Join(words[i:i+n], " "))
				if n == 1 && !countryWordOK(p) {
					continue
				}
				if c, ok := ix.Lookup(p); ok {
					country3 = c.Alpha3
					i += n - 1
					break
				}
			}
			if country3 != "" {
				continue
			}
		}
		if head, ok := strings.CutSuffix(w, "-led"); ok && country3 == "" && isCapitalized(head) && countryWordOK(head) {
			// "Saudi-led coalition", "U.S.-led forces"; not "-backed" or
			// "pro-": those are someone else's proxies.
			if c, ok := ix.Lookup(head); ok {
				country3 = c.Alpha3
				continue
			}
		}
		lw := strings.ToLower(w)
		if (lw == "of" || lw == "for") && strongSeen {
			afterOf = true // "Minister of Justice": the head before "of" decides
		}
		if markers[lw] != "" {
			mark[markers[lw]] = true
		}
		if i+1 < len(words) {
			if m := markers[lw+" "+strings.ToLower(words[i+1])]; m != "" {
				mark[m] = true
			}
		}
		rw, ok := roleWords[lw]
		if ok && (lw == "general" || lw == "generals") && i > 0 && isPositionWord(words[i-1]) {
			continue // "attorney general", "director general": not the army
		}
		if !ok && i+1 < len(words) {
			rw, ok = roleWords[lw+"-"+strings.ToLower(words[i+1])]
		}
		if !ok {
			continue
		}
		if rw.strong && groupRoles[rw.role] {
			group = rw.role
		}
		if (rw.strong || !strongSeen) && !afterOf {
			role = rw.role
		}
		strongSeen = strongSeen || rw.strong
	}
	switch {
	case role == MIL && group != "":
		role = group // "rebel army", "police force", "insurgent commander"
	case role == MIL && (mark[OPP] || mark[REB]):
		role = REB // "liberation army", "anti-government forces", "dissident soldiers"
	case role == GOV && mark[OPP]:
		role = OPP // "exiled prime minister", "ousted leader", "pro-democracy leader"
	case (role == MED || role == BUS) && mark[GOV]:
		role = GOV // "state media", "state-run television", "central bank"
	}
	return country3, role, strongSeen
}

// groupRoles name a side, not a service: with a military head noun the
// side wins ("rebel soldiers" are rebels).
var groupRoles = map[string]bool{REB: true, INS: true, OPP: true, COP: true, REF: true}

// markers are words that recast a role: opposition ("exiled", "ousted",
// "anti-government"), armed opposition ("liberation", "resistance") and the
// state ("state-run", "central" bank).
var markers = map[string]string{
	"exiled": OPP, "ousted": OPP, "exile": OPP, "anti-government": OPP, "anti government": OPP,
	"pro-democracy": OPP, "pro democracy": OPP, "dissident": OPP, "defector": OPP, "deposed": OPP,
	"liberation": REB, "resistance": REB, "underground": REB, "breakaway": REB,
	"state": GOV, "state-run": GOV, "state-owned": GOV, "state run": GOV, "state owned": GOV,
	"government-run": GOV, "government-owned": GOV, "official": GOV, "central": GOV, "reserve": GOV,
	"ruling": GOV,
}

// isPositionWord reports a word a postpositive "general" completes:
// "attorney general", "director general", "secretary general".
func isPositionWord(w string) bool {
	switch strings.ToLower(w) {
	case "attorney", "director", "consul", "secretary", "inspector", "auditor", "prosecutor", "solicitor",
		"governor", "advocate", "postmaster", "surgeon", "accountant", "comptroller", "adjutant":
		return true
	}
	return false
}

// countryWordOK rejects single words that are country short forms only in
// capitals-sensitive readings: "US" must be in capitals ("us" is a pronoun).
func countryWordOK(w string) bool {
	switch strings.ToLower(w) {
	case "us":
		return w == "US"
	}
	return true
}

func isCapitalized(w string) bool {
	return w != "" && w[0] >= 'A' && w[0] <= 'Z'
}

func trimPossessive(w string) string {
	for _, s := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(w, s) && len(w) > len(s) {
			return w[:len(w)-len(s)]
		}
	}
	return w
}
