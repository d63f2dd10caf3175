# What zsh completion offers for each LINE, typed one after the other in a new interactive shell
# whose fpath holds FPATH_DIR (where _gmailcli is autoloaded from on the first TAB). Prints the
# matches of each line, one a line, then a line "--".
# usage: zsh -f zsh-complete.zsh FPATH_DIR LINE...
# The shell runs in a pseudo-terminal (zsh/zpty) with compadd wrapped to print each match it
# adds. Markers are printed in two parts so that the echoed input never contains them.
zmodload zsh/zpty || exit 3
zpty shell zsh -f -i || exit 3
zpty -w shell "PS1= PS2= RPS1=; unsetopt beep; fpath=(${(q)1} \$fpath)"
# compinit's dump next to FPATH_DIR: made by the first shell, read by the next ones
zpty -w shell "autoload -Uz compinit && compinit -u -d ${(q)1:h}/zcompdump"
zpty -w shell 'compadd() {
  local a; for a; do [[ $a == (-|--) ]] && break; [[ $a == -[OAD]* ]] && { builtin compadd "$@"; return; }; done
  local -a found; builtin compadd -O found "$@"; local m; for m in $found; do print -r -- "<""M>$m"; done
  builtin compadd "$@"; }'
zpty -w shell '_done() { print -r -- "<""DONE>" }'
for typed in "${@[2,-1]}"; do
  # comppostfuncs is emptied after each completion
  zpty -w shell 'comppostfuncs=(_done); print -r -- "<""READY>"'
  zpty -r shell out '*<READY>*' || exit 4
  zpty -w -n shell "$typed"$'\t'
  zpty -r shell out '*<DONE>*' || exit 4
  for line in ${(f)out//$'\r'/}; do
    if [[ $line == *'<M>'* ]]; then
      print -r -- ${line#*<M>}
    fi
  done
  print -r -- --
  zpty -w -n shell $'\C-u'
done
zpty -d shell
exit 0
