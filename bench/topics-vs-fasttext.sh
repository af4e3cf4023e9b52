#!/usr/bin/env bash
# sitrep's topic classifier side by side with fastText (Debian package
# `fasttext`) on identical splits of every corpus in ../shared/data/topics.
#
#   bench/topics-vs-fasttext.sh [SHARED_DIR] [WORK_DIR]
#
# 1. `sitrep topics split` writes each corpus's evaluation splits (the ones
#    `sitrep eval topics` uses) as fastText-format files; both tools read them.
# 2. fastText is tuned per corpus on a validation tenth of the first split's
#    train part: word bigrams (-wordNgrams 2), dim 100, lr x epoch over
#    {0.1,0.5,1.0} x {10,25,50,100} (FT_LR, FT_EPOCH), best P@1 kept.
#    sitrep runs its defaults, untuned.
# 3. Each split: train both on one core (taskset -c 0; fastText -thread 1,
#    sitrep GOMAXPROCS=1), predict the test part, pool the predictions and
#    score both with the same code (`sitrep topics score`). Training time is
#    the CPU time (user+system) of the training command summed over splits,
#    model writing included; CPU time because the machine is shared.
# 4. Prediction throughput on one core: each tool labels the corpus's test
#    lines repeated to MIN_LINES lines or MIN_BYTES bytes, whichever comes
#    first; the CPU time to label a one-line file (model loading) is
#    subtracted.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${1:-../shared}
WORK=${2:-out/topics-vs-fasttext}
MIN_LINES=${MIN_LINES:-100000}
MIN_BYTES=${MIN_BYTES:-100000000}
CORPORA=${CORPORA:-wcep bbc ag_news nyt}
JOBS=${JOBS:-4}
FT_LR=${FT_LR:-0.1 0.5 1.0}
FT_EPOCH=${FT_EPOCH:-10 25 50 100}
command -v fasttext >/dev/null || { echo "fasttext not found: apt-get install fasttext" >&2; exit 1; }
go build -o bin/sitrep ./cmd/sitrep
S=$PWD/bin/sitrep
rm -rf "$WORK"; mkdir -p "$WORK"
$S topics split --shared "$SHARED" --dir "$WORK/splits" --corpus "$(echo $CORPORA | tr ' ' ,)" > "$WORK/splits.txt"
ONE="taskset -c 0"
# cpu CMD...: run CMD with its output discarded, print its CPU seconds
# (user + system). CPU time, not wall time, because the machine is shared.
cpu() {
  local TIMEFORMAT='%3U %3S' t
  t=$( { time "$@" > /dev/null 2>&1; } 2>&1 )
  echo "$t" | awk '{print $1 + $2}'
}
add() { python3 -c "print($1 + $2)"; }

# run_corpus CORPUS SPLITS...: tune, train, predict and time both tools on
# one corpus; writes one result line to $WORK/result-CORPUS.txt.
run_corpus() {
  local corpus=$1; shift
  local splits="$*"
  local D=$WORK/splits/$corpus T=$WORK/tune-$corpus
  local best_lr best_ep best p lr ep t s ft_train sr_train golds ftp srp ftm srm s0 big n a b ft_rate sr_rate ft_size sr_size
  # --- tune fastText
  best_lr=0.5; best_ep=25; best=-1
  for lr in $FT_LR; do
    for ep in $FT_EPOCH; do
      fasttext supervised -input "$D/tune/train.txt" -output "$T" -wordNgrams 2 -dim 100 -lr $lr -epoch $ep -thread 1 -verbose 0 >/dev/null 2>&1
      p=$(fasttext test "$T.bin" "$D/tune/valid.txt" | awk '/^P@1/{print $2}')
      echo "  tune $corpus lr=$lr epoch=$ep P@1=$p" >&2
      if python3 -c "import sys; sys.exit(0 if $p > $best else 1)"; then best=$p; best_lr=$lr; best_ep=$ep; fi
    done
  done
  rm -f "$T.bin" "$T.vec"
  echo "  $corpus: fastText -wordNgrams 2 -lr $best_lr -epoch $best_ep (valid P@1 $best)" >&2
  # --- train and predict each split
  ft_train=0; sr_train=0; golds=(); ftp=(); srp=()
  for s in $splits; do
    t=$(cpu $ONE fasttext supervised -input "$D/$s/train.txt" -output "$D/$s/ft" -wordNgrams 2 -dim 100 -lr $best_lr -epoch $best_ep -thread 1 -verbose 0)
    ft_train=$(add $ft_train $t)
    t=$(cpu env GOMAXPROCS=1 $ONE $S topics fit --input "$D/$s/train.txt" --model "$D/$s/sr.bin")
    sr_train=$(add $sr_train $t)
    fasttext predict "$D/$s/ft.bin" "$D/$s/test.txt" > "$D/$s/ft.pred"
    $S topics predict --model "$D/$s/sr.bin" --input "$D/$s/test.txt" > "$D/$s/sr.pred"
    golds+=("$D/$s/test.txt"); ftp+=("$D/$s/ft.pred"); srp+=("$D/$s/sr.pred")
  done
  join() { local IFS=,; echo "$*"; }
  ftm=$($S topics score --gold "$(join "${golds[@]}")" --pred "$(join "${ftp[@]}")")
  srm=$($S topics score --gold "$(join "${golds[@]}")" --pred "$(join "${srp[@]}")")
  # --- throughput on one core, with the first split's models
  s0=${splits%% *}
  big=$WORK/big-$corpus.txt; : > "$big"
  while [ "$(wc -l < "$big")" -lt "$MIN_LINES" ] && [ "$(stat -c %s "$big")" -lt "$MIN_BYTES" ]; do cat "${golds[@]}" >> "$big"; done
  n=$(wc -l < "$big"); head -1 "$big" > "$WORK/one-$corpus.txt"
  a=$(cpu $ONE fasttext predict "$D/$s0/ft.bin" "$WORK/one-$corpus.txt"); b=$(cpu $ONE fasttext predict "$D/$s0/ft.bin" "$big")
  ft_rate=$(python3 -c "print(($n - 1) / max(1e-3, $b - $a))")
  a=$(cpu env GOMAXPROCS=1 $ONE $S topics predict --model "$D/$s0/sr.bin" --input "$WORK/one-$corpus.txt")
  b=$(cpu env GOMAXPROCS=1 $ONE $S topics predict --model "$D/$s0/sr.bin" --input "$big")
  sr_rate=$(python3 -c "print(($n - 1) / max(1e-3, $b - $a))")
  echo "  $corpus: $n lines; fastText $ft_rate/s, sitrep $sr_rate/s (CPU time, model loading subtracted)" >&2
  ft_size=$(stat -c %s "$D/$s0/ft.bin"); sr_size=$(stat -c %s "$D/$s0/sr.bin")
  for s in $splits; do rm -f "$D/$s/ft.bin" "$D/$s/ft.vec"; done
  rm -f "$big"
  echo "$corpus|$ftm|$srm|$ft_train|$sr_train|$ft_rate|$sr_rate|$best_lr|$best_ep|$ft_size|$sr_size" > "$WORK/result-$corpus.txt"
}

# Corpora run JOBS at a time (CPU time is what is compared, so running
# side by side does not bias the figures).
running=0
while read -r corpus splits; do
  run_corpus "$corpus" $splits &
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done < "$WORK/splits.txt"
wait
for c in $CORPORA; do
  [ -s "$WORK/result-$c.txt" ] || { echo "no result for $c" >&2; exit 1; }
  cat "$WORK/result-$c.txt"
done > "$WORK/results.txt"
python3 - "$WORK/results.txt" <<'PY'
import json, sys
rows = [l.rstrip("\n").split("|") for l in open(sys.argv[1]) if l.strip()]
hdr = ("| corpus | fastText acc | sitrep acc | fastText macro-F1 | sitrep macro-F1 | fastText train CPU s | sitrep train CPU s"
       " | train speed-up | fastText pred/s | sitrep pred/s | pred ratio | fastText model MB | sitrep model MB | targets |")
print(hdr)
print("|" + "---|" * (hdr.count("|") - 1))
allok = True
out = []
for c, ftm, srm, ftt, srt, ftr, srr, lr, ep, fts, srs in rows:
    f, s = json.loads(ftm), json.loads(srm)
    ftt, srt, ftr, srr = map(float, (ftt, srt, ftr, srr))
    ok = s["accuracy"] > f["accuracy"] and s["macro_f1"] > f["macro_f1"] and srr >= 2 * ftr and srt <= ftt
    allok &= ok
    print("| %s | %.4f | %.4f | %.4f | %.4f | %.2f | %.2f | %.1fx | %.0f | %.0f | %.1fx | %.0f | %.1f | %s |" % (
        c, f["accuracy"], s["accuracy"], f["macro_f1"], s["macro_f1"], ftt, srt, ftt / srt, ftr, srr, srr / ftr,
        int(fts) / 1e6, int(srs) / 1e6, "met" if ok else "NOT met"))
    out.append(dict(corpus=c, fasttext=dict(f, train_s=ftt, pred_per_s=ftr, lr=float(lr), epoch=int(ep), model_bytes=int(fts)),
                    sitrep=dict(s, train_s=srt, pred_per_s=srr, model_bytes=int(srs)), targets_met=ok))
print()
print("all targets met" if allok else "some targets NOT met")
print(json.dumps(out))
PY
