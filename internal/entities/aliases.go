package entities

import (
	"strings"

	"sitrep/internal/article"
)

// knownActor is one entry of the alias table: the conflict actors and
// international bodies every desk meets, written for sitrep (not derived
// from any dataset). Name is the canonical form; Aliases are the other names
// news uses; Country is ISO alpha-3 ("" for international actors); Role a
// CAMEO-style agent code.
type knownActor struct {
	Name    string
	Type    string
	Country string
	Role    string
	Aliases []string
}

var knownActors = []knownActor{
	{"Islamic State", article.Organization, "", INS, []string{"IS", "ISIL", "ISIS", "Daesh", "Daish", "Islamic State group",
		"Islamic State of Iraq and the Levant", "Islamic State of Iraq and Syria", "Islamic State of Iraq and al-Sham",
		"Islamic State in Iraq and the Levant", "Islamic State in Iraq and Syria", "Islamic State in Iraq and al-Sham"}},
	{"Taliban", article.Organization, "AFG", INS, []string{"Afghan Taliban"}},
	{"Pakistani Taliban", article.Organization, "PAK", INS, []string{"Tehrik-i-Taliban Pakistan", "Tehreek-e-Taliban Pakistan", "TTP"}},
	{"al-Qaeda", article.Organization, "", INS, []string{"al-Qaida", "al Qaeda", "al Qaida", "Al-Qaeda", "Al Qaeda", "Qaeda", "al-Qa'ida"}},
	{"al-Qaeda in the Arabian Peninsula", article.Organization, "YEM", INS, []string{"AQAP", "al-Qaida in the Arabian Peninsula"}},
	{"al-Qaeda in the Islamic Maghreb", article.Organization, "", INS, []string{"AQIM", "al-Qaida in the Islamic Maghreb"}},
	{"Nusra Front", article.Organization, "SYR", INS, []string{"al-Nusra Front", "Jabhat al-Nusra", "al-Nusra", "Nusra"}},
	{"Hamas", article.Organization, "PSE", INS, []string{"HAMAS"}},
	{"Islamic Jihad", article.Organization, "PSE", INS, []string{"Palestinian Islamic Jihad", "PIJ"}},
	{"Hezbollah", article.Organization, "LBN", INS, []string{"Hizbollah", "Hizbullah", "Hezbolla", "Hizballah"}},
	{"al-Shabaab", article.Organization, "SOM", INS, []string{"al-Shabab", "al Shabaab", "al Shabab", "Shabaab", "Shabab", "Al-Shabaab"}},
	{"Boko Haram", article.Organization, "NGA", INS, nil},
	{"Kurdistan Workers' Party", article.Organization, "TUR", REB, []string{"PKK", "Kurdistan Workers Party"}},
	{"People's Protection Units", article.Organization, "SYR", REB, []string{"YPG"}},
	{"Syrian Democratic Forces", article.Organization, "SYR", REB, []string{"SDF"}},
	{"Free Syrian Army", article.Organization, "SYR", REB, []string{"FSA"}},
	{"Houthis", article.Organization, "YEM", REB, []string{"Houthi", "Ansar Allah", "Ansarullah", "Huthis", "Huthi"}},
	{"Muslim Brotherhood", article.Organization, "EGY", OPP, nil},
	{"North Atlantic Treaty Organization", article.Organization, "", IGO, []string{"NATO", "Nato", "North Atlantic Treaty Organisation"}},
	{"United Nations", article.Organization, "", IGO, []string{"UN", "U.N."}},
	{"United Nations Security Council", article.Organization, "", IGO, []string{"UN Security Council", "U.N. Security Council", "UNSC", "Security Council"}},
	{"European Union", article.Organization, "", IGO, []string{"EU", "E.U."}},
	{"African Union", article.Organization, "", IGO, []string{"AU"}},
	{"Arab League", article.Organization, "", IGO, []string{"League of Arab States"}},
	{"Asia-Pacific Economic Cooperation", article.Organization, "", IGO, []string{"APEC"}},
	{"Association of Southeast Asian Nations", article.Organization, "", IGO, []string{"ASEAN"}},
	{"Organization of the Petroleum Exporting Countries", article.Organization, "", IGO, []string{"OPEC"}},
	{"International Monetary Fund", article.Organization, "", IGO, []string{"IMF"}},
	{"World Bank", article.Organization, "", IGO, nil},
	{"European Central Bank", article.Organization, "", IGO, []string{"ECB"}},
	{"Federal Reserve", article.Organization, "USA", GOV, []string{"US Federal Reserve", "U.S. Federal Reserve"}},
	{"World Health Organization", article.Organization, "", IGO, []string{"WHO", "World Health Organisation"}},
	{"International Criminal Court", article.Organization, "", IGO, []string{"ICC"}},
	{"Organization for Security and Co-operation in Europe", article.Organization, "", IGO, []string{"OSCE"}},
	{"Group of 20", article.Organization, "", IGO, []string{"G20", "G-20", "Group of Twenty"}},
	{"Group of Seven", article.Organization, "", IGO, []string{"G7", "G-7"}},
	// Seats of government and security services news uses for their state.
	{"Kremlin", article.Organization, "RUS", GOV, nil},
	{"White House", article.Organization, "USA", GOV, nil},
	{"Pentagon", article.Organization, "USA", MIL, nil},
	{"U.S. State Department", article.Organization, "USA", GOV, []string{"State Department", "US State Department"}},
	{"Downing Street", article.Organization, "GBR", GOV, nil},
	{"Foreign Office", article.Organization, "GBR", GOV, []string{"Foreign and Commonwealth Office", "FCO"}},
	{"Elysee", article.Organization, "FRA", GOV, []string{"Élysée", "Elysee Palace", "Élysée Palace"}},
	{"Knesset", article.Organization, "ISR", LEG, nil},
	{"Central Intelligence Agency", article.Organization, "USA", SPY, []string{"CIA"}},
	{"Federal Bureau of Investigation", article.Organization, "USA", COP, []string{"FBI"}},
	{"Mossad", article.Organization, "ISR", SPY, nil},
	{"Federal Security Service", article.Organization, "RUS", SPY, []string{"FSB"}},
	{"MI6", article.Organization, "GBR", SPY, []string{"Secret Intelligence Service"}},
	{"Islamic Revolutionary Guard Corps", article.Organization, "IRN", MIL, []string{"IRGC", "Revolutionary Guards", "Revolutionary Guard"}},
	{"International Committee of the Red Cross", article.Organization, "", NGO, []string{"ICRC", "Red Cross"}},
	{"Amnesty International", article.Organization, "", NGO, []string{"Amnesty"}},
	{"Human Rights Watch", article.Organization, "", NGO, []string{"HRW"}},
	{"Doctors Without Borders", article.Organization, "", NGO, []string{"Medecins Sans Frontieres", "Médecins Sans Frontières", "MSF"}},
}

// aliasFirst maps the normalised first word of every alias-table name to
// the most tokens a name starting with it can span (apostrophes and
// hyphens may split words into several tokens).
var aliasFirst = func() map[string]int {
	m := map[string]int{}
	for _, a := range knownActors {
		for _, al := range append([]string{a.Name}, a.Aliases...) {
			f := strings.Fields(al)
			k := normKey(strings.Trim(f[0], "'’"))
			if k == "the" || k == "" {
				continue
			}
			m[k] = max(m[k], 2*len(f)+1)
		}
	}
	return m
}()

// aliasIndex maps a normalised name to its knownActors entry.
var aliasIndex = func() map[string]int {
	m := map[string]int{}
	for i, a := range knownActors {
		m[normKey(a.Name)] = i
		for _, al := range a.Aliases {
			m[normKey(al)] = i
		}
	}
	return m
}()

// aliasCaseOK reports whether a surface form may name the actor: short
// aliases must match in their written case ("IS" and "WHO" are everyday
// words in lower case).
func aliasCaseOK(surface string, a knownActor) bool {
	short := false
	for _, al := range append([]string{a.Name}, a.Aliases...) {
		if al == surface {
			return true
		}
		if strings.EqualFold(al, surface) && len([]rune(al)) <= 4 {
			short = true
		}
	}
	return !short
}

// lookupAlias finds a name in the alias table.
func lookupAlias(name string) (knownActor, bool) {
	i, ok := aliasIndex[normKey(name)]
	if !ok {
		return knownActor{}, false
	}
	a := knownActors[i]
	if !aliasCaseOK(strings.TrimSpace(name), a) {
		return knownActor{}, false
	}
	return a, true
}

// normKey normalises a name for matching: lower case, no leading "the", no
// dots ("U.N." = "UN"), straight apostrophes, single spaces.
func normKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	s = strings.ReplaceAll(s, ".", "")
	s = strings.ReplaceAll(s, "’", "'")
	return strings.Join(strings.Fields(s), " ")
}

// isExactAlias reports whether s is written exactly as one of a's names.
func isExactAlias(s string, a knownActor) bool {
	if s == a.Name {
		return true
	}
	for _, al := range a.Aliases {
		if al == s {
			return true
		}
	}
	return false
}
