# What bash completion offers for a command line: sources SCRIPT, sets COMP_WORDS (the words
# after SCRIPT, the last one being completed) as bash would, calls the function `complete`
# registered for gmailcli and prints COMPREPLY, one match per line.
# usage: bash bash-complete.sh SCRIPT WORD...
script=$1
shift
# shellcheck source=/dev/null
source "$script" || exit 3
# compopt only works while bash itself completes; the matches do not depend on it
compopt() { :; }
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$*
COMP_LINE=${COMP_LINE// = /=}
COMP_LINE=${COMP_LINE% =}
[[ ${COMP_WORDS[COMP_CWORD]} == = ]] && COMP_LINE+='='
COMP_POINT=${#COMP_LINE}
spec=$(complete -p gmailcli) || exit 4
function=${spec#*-F }
function=${function%% *}
"$function" gmailcli "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
