package events

import (
	"strconv"
	"strings"
)

var smallNums = map[string]int{
	"zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"dozen": 12, "both": 2,
}

var multipliers = map[string]int{"hundred": 100, "thousand": 1000, "million": 1000000}

// vague quantities coded conservatively, as ACLED does ("several" and
// "many" count as 10, "dozens" as 12, "hundreds" as 100).
var vagueNums = map[string]int{
	"several": 10, "many": 10, "scores": 20, "dozens": 12, "hundreds": 100, "thousands": 1000, "some": 10, "few": 3,
	"numerous": 10,
}

// parseNumber reads a number starting at toks[i] ("224", "1,000", "two",
// "twenty-five", "three hundred", "dozens") and returns its value and the
// index after it.
func parseNumber(toks []tok, i int) (int, int, bool) {
	if i >= len(toks) {
		return 0, i, false
	}
	w := toks[i].low
	if v, err := strconv.Atoi(strings.ReplaceAll(w, ",", "")); err == nil && v >= 0 {
		j := i + 1
		if j < len(toks) {
			if m, ok := multipliers[toks[j].low]; ok {
				return v * m, j + 1, true
			}
		}
		return v, j, true
	}
	if v, ok := vagueNums[w]; ok {
		j := i + 1
		if j < len(toks) && toks[j].low == "of" {
			j++
		}
		return v, j, true
	}
	total, cur, j := 0, 0, i
	found := false
	for j < len(toks) {
		w := toks[j].low
		if parts := strings.Split(w, "-"); len(parts) == 2 {
			a, ok1 := smallNums[parts[0]]
			b, ok2 := smallNums[parts[1]]
			if ok1 && ok2 && a >= 20 && b < 10 {
				cur += a + b
				found = true
				j++
				continue
			}
		}
		if v, ok := smallNums[w]; ok && !(found && (w == "a" || w == "an")) {
			if (w == "a" || w == "an") && !(j+1 < len(toks) && (multipliers[toks[j+1].low] > 0 || toks[j+1].low == "dozen")) {
				break
			}
			if w == "dozen" {
				if cur == 0 {
					cur = 1
				}
				cur *= 12
			} else {
				cur += v
			}
			found = true
			j++
			continue
		}
		if m, ok := multipliers[w]; ok && found {
			if cur == 0 {
				cur = 1
			}
			total += cur * m
			cur = 0
			j++
			continue
		}
		if w == "and" && found && j+1 < len(toks) {
			if _, ok := smallNums[toks[j+1].low]; ok {
				j++
				continue
			}
		}
		break
	}
	if !found {
		return 0, i, false
	}
	return total + cur, j, true
}

var killWords = map[string]bool{"kill": true, "killed": true, "killing": true, "kills": true, "dead": true, "died": true, "die": true, "dies": true, "deaths": true, "death": true, "lives": true, "massacred": true, "slain": true, "perished": true, "executed": true}

// killedDead are the verbs "dead" completes: "shot dead", "stabbed dead".
var killedDead = map[string]bool{"shot": true, "stabbed": true, "beaten": true, "gunned": true, "hacked": true, "bludgeoned": true, "clubbed": true}

var woundWords = map[string]bool{"wounded": true, "wounding": true, "wounds": true, "injured": true, "injuring": true, "injuries": true, "hurt": true, "injures": true, "wound": true, "injure": true}

// victimNouns may stand between a number and a kill word: "224 people were killed".
var victimNouns = map[string]bool{
	"people": true, "persons": true, "civilians": true, "soldiers": true, "troops": true, "others": true, "other": true,
	"police": true, "policemen": true, "officers": true, "militants": true, "rebels": true, "children": true, "women": true,
	"men": true, "passengers": true, "on": true, "board": true, "aboard": true, "were": true, "was": true, "have": true, "had": true,
	"been": true, "are": true, "u.s.": true, "israeli": true, "palestinian": true, "iraqi": true, "afghan": true,
	"demonstrators": true, "protesters": true, "students": true, "workers": true, "guards": true, "members": true,
	"person": true, "soldier": true, "civilian": true, "officer": true, "policeman": true, "child": true, "woman": true, "man": true,
	"at": true, "least": true, "all": true, "more": true, "than": true, "about": true, "some": true, "nearly": true, "almost": true,
	"reportedly": true, "were killed": true, "crew": true, "crewmembers": true, "pilgrims": true, "villagers": true, "and": false,
}

var singularPerson = map[string]bool{"man": true, "woman": true, "child": true, "boy": true, "girl": true, "person": true,
	"soldier": true, "officer": true, "policeman": true, "civilian": true, "leader": true, "chief": true, "commander": true,
	"journalist": true, "official": true, "member": true, "student": true, "worker": true, "farmer": true, "priest": true,
	"guard": true, "militant": true, "rebel": true, "teenager": true, "resident": true, "activist": true, "politician": true,
	"minister": true, "general": true, "colonel": true, "judge": true, "mayor": true, "governor": true, "diplomat": true}

// casualties finds the dead and injured counts a sentence reports:
// "killing all 224 on board", "killed one U.S. soldier and wounded two
// others", "at least 12 people were killed", "the death toll rose to 30".
func casualties(toks []tok) (dead, injured *int) {
	set := func(p **int, v int) {
		if *p == nil || v > **p {
			vv := v
			*p = &vv
		}
	}
	for i := 0; i < len(toks); i++ {
		w := toks[i].low
		isK, isW := killWords[w], woundWords[w]
		if !isK && !isW {
			continue
		}
		target := &dead
		if isW {
			target = &injured
		}
		// forward: "killing (all|at least) 224", "killed one U.S. soldier"
		j := i + 1
		for j < len(toks) && j <= i+3 && (toks[j].low == "all" || toks[j].low == "at" || toks[j].low == "least" || toks[j].low == "more" || toks[j].low == "than" || toks[j].low == "about" || toks[j].low == "nearly" || toks[j].low == "some" || toks[j].low == "almost" || toks[j].low == "up" || toks[j].low == "to" || toks[j].low == "rose") {
			j++
		}
		// "shot dead two policemen": "dead" after a killing verb is one
		deadVerb := w == "dead" && i > 0 && killedDead[toks[i-1].low]
		if w != "dead" && w != "died" && w != "injuries" || deadVerb {
			if v, _, ok := parseNumber(toks, j); ok && !(toks[j].low == "a" || toks[j].low == "an") {
				set(target, v)
				continue
			}
		}
		// "killed the deputy chief", "killing a soldier", "shot dead an
		// American soldier": one person
		if isK && (w == "killed" || w == "killing" || w == "kills" || w == "kill" || w == "assassinated" || w == "murdered" || deadVerb) {
			k := i + 1
			if k < len(toks) && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the" || toks[k].low == "one") {
				for q := k + 1; q < len(toks) && q <= k+4; q++ {
					if singularPerson[toks[q].low] {
						set(target, 1)
						break
					}
					if toks[q].low == "," || toks[q].low == "and" || toks[q].low == "of" && q > k+1 {
						break
					}
				}
			}
		}
		// toll: "death toll rose to 30"
		if w == "death" || w == "deaths" {
			for k := i + 1; k < len(toks) && k <= i+5; k++ {
				if v, _, ok := parseNumber(toks, k); ok && toks[k].low != "a" && toks[k].low != "an" {
					set(target, v)
					break
				}
			}
			continue
		}
		// backward: "224 people were killed", "12 dead", "two wounded"
		k := i - 1
		for k >= 0 && i-k <= 6 && (victimNouns[toks[k].low] || toks[k].tag == "JJ" || isCap(toks[k].text) && k > 0 || deadVerb && k == i-1) {
			k--
		}
		for ; k >= 0 && i-k <= 7; k-- {
			if v, e, ok := parseNumber(toks, k); ok && e > k && toks[k].low != "a" && toks[k].low != "an" {
				set(target, v)
				break
			}
			if !victimNouns[toks[k].low] {
				break
			}
		}
	}
	return dead, injured
}
