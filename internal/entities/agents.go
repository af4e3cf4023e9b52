package entities

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Agent is one entry of a PETRARCH/Phoenix agents dictionary: a noun phrase
// and the CAMEO agent code it carries (its first three letters, "GOV" of
// "GOVMIL").
type Agent struct {
	Phrase string // lower case, words separated by spaces: "riot police"
	Role   string // primary CAMEO agent code: GOV, MIL, COP, UAF, ...
	Code   string // the full code: GOVMIL
}

// ReadAgents parses a Phoenix.agents.txt-style dictionary: "PHRASE_WORDS
// {PLURALS} [~CODE] # comment" lines, "!NAME! = A, B" substitution sets
// (the first alternative is used), "#" comments. Bad lines are skipped and
// counted, never fatal; the error is for reading only.
func ReadAgents(r io.Reader) (agents []Agent, skipped int, err error) {
	subs := map[string]string{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "!") && strings.Contains(line, "=") && !strings.Contains(line, "[") {
			name, alts, _ := strings.Cut(line, "=")
			first, _, _ := strings.Cut(alts, ",")
			subs[strings.TrimSpace(name)] = strings.TrimSpace(first)
			continue
		}
		open := strings.Index(line, "[~")
		end := strings.LastIndex(line, "]")
		if open < 0 || end < open+2 {
			skipped++
			continue
		}
		code := strings.ToUpper(strings.TrimSpace(line[open+2 : end]))
		phrase := line[:open]
		if i := strings.Index(phrase, "{"); i >= 0 {
			phrase = phrase[:i]
		}
		for name, v := range subs {
			phrase = strings.ReplaceAll(phrase, name, v)
		}
		phrase = strings.ToLower(strings.Join(strings.Fields(strings.ReplaceAll(phrase, "_", " ")), " "))
		if phrase == "" || len(code) < 3 || strings.Contains(phrase, "!") {
			skipped++
			continue
		}
		agents = append(agents, Agent{Phrase: phrase, Role: code[:3], Code: code})
	}
	return agents, skipped, sc.Err()
}

// AgentAgreement compares Attributes' role with each agent's primary code.
type AgentAgreement struct {
	Entries   int            `json:"entries"`
	Covered   int            `json:"covered"`           // Attributes gave some role
	Agree     int            `json:"agree"`             // the same role
	Coverage  float64        `json:"coverage"`          // covered / entries
	Accuracy  float64        `json:"accuracy"`          // agree / entries
	Precision float64        `json:"precision"`         // agree / covered
	Confusion map[string]int `json:"top_disagreements"` // "theirs->ours": count, the 15 most frequent
}

// CompareAgents runs Attributes on every agent phrase and scores its role
// against the dictionary's. Codes this stage does not produce (CRM, UAF,
// AGR, ...) count as disagreements.
func CompareAgents(agents []Agent) AgentAgreement {
	var a AgentAgreement
	conf := map[string]int{}
	for _, ag := range agents {
		a.Entries++
		_, role := Attributes(ag.Phrase)
		if role == "" {
			continue
		}
		a.Covered++
		if role == ag.Role {
			a.Agree++
		} else {
			conf[ag.Role+"->"+role]++
		}
	}
	if a.Entries > 0 {
		a.Coverage = float64(a.Covered) / float64(a.Entries)
		a.Accuracy = float64(a.Agree) / float64(a.Entries)
	}
	if a.Covered > 0 {
		a.Precision = float64(a.Agree) / float64(a.Covered)
	}
	keys := make([]string, 0, len(conf))
	for k := range conf {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if conf[keys[i]] != conf[keys[j]] {
			return conf[keys[i]] > conf[keys[j]]
		}
		return keys[i] < keys[j]
	})
	a.Confusion = map[string]int{}
	for _, k := range keys[:min(15, len(keys))] {
		a.Confusion[k] = conf[k]
	}
	return a
}

func (a AgentAgreement) String() string {
	return fmt.Sprintf("%d entries, coverage %.3f, accuracy %.3f, precision %.3f", a.Entries, a.Coverage, a.Accuracy, a.Precision)
}
