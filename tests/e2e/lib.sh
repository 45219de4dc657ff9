# Assertions shared by the end-to-end scripts (sourced). Each counts into $passed and $failed;
# a script ends with `finish`, which prints the tally CTest and CI read and sets the status.
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect_status() {  # NAME WANT COMMAND...: runs COMMAND, output to out.txt and err.txt
  local name=$1 want=$2
  shift 2
  "$@" > out.txt 2> err.txt
  local got=$?
  if [ "$got" -eq "$want" ]; then pass; else fail "$name: exit $got, expected $want"; cat err.txt; fi
}
expect_contains() {  # NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then pass; else fail "$1: '$3' not in $2"; cat "$2"; fi
}
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
