#!/bin/sh
# The corpus commands of the CLI on a (large) corpus: wall seconds and peak RSS of each process,
# output thrown away. Run from the checkout to measure:
#   sh bench/scale-cli.sh .tmp/big.db
# SPINSCOPE_BENCH_EXPORTS (space-separated kinds, default all) which exports to stream.
db="$1"
[ -f "$db" ] || { echo "usage: sh bench/scale-cli.sh <corpus.db>" >&2; exit 2; }
one() { node -e "const D=require('better-sqlite3');const d=new D(process.argv[1],{readonly:true});process.stdout.write(String(d.prepare(process.argv[2]).pluck().get()))" "$db" "$1"; }
outlet=$(one "SELECT outlet FROM articles WHERE n < 2000 GROUP BY outlet ORDER BY count(*) DESC LIMIT 1")
technique=$(one "SELECT technique FROM techniques WHERE article < 2000 GROUP BY technique ORDER BY count(*) DESC LIMIT 1")
story=$(one "SELECT id FROM stories ORDER BY size DESC LIMIT 1")
speaker=$(one "SELECT person FROM quotes WHERE article < 2000 AND person IS NOT NULL GROUP BY person ORDER BY count(*) DESC LIMIT 1")
echo "| command | s | peak RSS MB | output bytes |"
echo "|---|---|---|---|"
run() {
  label="$1"; shift
  /usr/bin/time -f "%e %M" -o .tmp/cli-time node bin/spinscope.js "$@" > .tmp/cli-out 2>/dev/null
  set -- $(cat .tmp/cli-time)
  echo "| $label | $1 | $(($2 / 1024)) | $(wc -c < .tmp/cli-out) |"
}
run "search government" search government --db "$db"
run "search government --json" search government --db "$db" --json
run "search government --outlet --technique" search government --db "$db" --outlet "$outlet" --technique "$technique"
run "search government --offset 1000" search government --db "$db" --offset 1000
run "stories" stories --db "$db"
run "stories --outlet" stories --db "$db" --outlet "$outlet"
run "stories --offset 5000" stories --db "$db" --offset 5000
run "story (biggest)" stories "$story" --db "$db"
run "speakers" speakers --db "$db"
run "speakers --offset 2000" speakers --db "$db" --offset 2000
run "speaker (most quoted)" speakers "$speaker" --db "$db"
run "stats" stats --db "$db"
run "stats --technique" stats --db "$db" --technique "$technique"
for what in ${SPINSCOPE_BENCH_EXPORTS:-articles quotes entities techniques stories speakers}; do
  run "export $what jsonl" export --db "$db" --what $what
done
