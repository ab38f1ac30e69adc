#!/usr/bin/env bash
# Rebuilds assets/english-words.txt, the English word list the importer splits glued list
# items with, from Debian's SCOWL word lists (packages wbritish, wamerican, wbritish-large,
# wamerican-large; see assets/SOURCES.md for the licence):
#
#   apt-get install wbritish wamerican wbritish-large wamerican-large
#   bash assets/english-words.sh > assets/english-words.txt
#
# Kept: words of lowercase ASCII letters only (no names, no possessives), British and American
# spellings together, at least three letters long apart from a few short function words.
# Format, one word a line, sorted: a character giving how many leading letters the word
# shares with the one before (0-9, then a-z for 10-35), then the rest of the word, then `~`
# when the word is only in the large lists (rarer words, which cost more in segmentation).
set -euo pipefail
dict=/usr/share/dict
common=$(mktemp) large=$(mktemp)
trap 'rm -f "$common" "$large"' EXIT
short='^(a|an|as|at|be|by|do|go|he|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we)$'
filter() { grep -x '[a-z]\+' | grep -E -e '^...' -e "$short" | LC_ALL=C sort -u; }
cat "$dict/british-english" "$dict/american-english" | filter > "$common"
cat "$dict/british-english-large" "$dict/american-english-large" "$common" | filter > "$large"
LC_ALL=C awk -v common="$common" '
  BEGIN { while ((getline w < common) > 0) is_common[w] = 1; digits = "0123456789abcdefghijklmnopqrstuvwxyz" }
  {
    w = $0; n = 0
    while (n < 35 && n < length(w) && n < length(prev) && substr(w, n + 1, 1) == substr(prev, n + 1, 1)) n++
    printf "%s%s%s\n", substr(digits, n + 1, 1), substr(w, n + 1), (w in is_common) ? "" : "~"
    prev = w
  }' "$large"
