#!/bin/sh
# Installs gmailcli under a prefix (default ~/.local), without root:
#   PREFIX/bin/gmailcli                               the launcher
#   PREFIX/lib/gmailcli.jar                           what it runs (found as ../lib/gmailcli.jar)
#   PREFIX/share/man/man1/gmailcli*.1                 man pages
#   PREFIX/share/bash-completion/completions/gmailcli bash completion (loaded by bash-completion)
#   PREFIX/share/zsh/site-functions/_gmailcli         zsh completion (a directory for $fpath)
#   PREFIX/share/doc/gmailcli/                        README.md, LICENSE, and the list of files
#
# usage: install.sh [--prefix DIR] [gmailcli-VERSION.tar.gz]
# Without an archive: the unpacked archive install.sh sits in, else target/gmailcli-*.tar.gz
# next to it (a built clone). Running it again changes nothing; a newer archive replaces the
# files, and removes those an older version installed that the new one no longer has. Each file
# is renamed into place, so that a gmailcli running meanwhile keeps reading the old one.
set -eu

usage() {
  sed -n '2,14s/^# \{0,1\}//p' "$0"
}

die() {
  echo "install.sh: $*" >&2
  exit 1
}

prefix=${HOME:?}/.local
archive=
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option $1 (see install.sh --help)" ;;
    *) [ -z "$archive" ] || die "one archive only"; archive=$1; shift ;;
  esac
done
[ -n "$prefix" ] || die "--prefix needs a directory"

here=$(CDPATH='' cd -P -- "$(dirname -- "$0")" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gmailcli-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ -z "$archive" ] && [ -f "$here/bin/gmailcli" ] && [ -f "$here/lib/gmailcli.jar" ]; then
  tree=$here
else
  if [ -z "$archive" ]; then
    # shellcheck disable=SC2012
    archive=$(ls -t "$here"/target/gmailcli-*.tar.gz 2>/dev/null | head -n 1)
    [ -n "$archive" ] || die "no archive: build one with mvn -q -DskipTests package, or name one"
  fi
  [ -f "$archive" ] || die "$archive: no such file"
  mkdir "$tmp/unpacked"
  tar -xzf "$archive" -C "$tmp/unpacked" || die "$archive: cannot unpack it"
  tree=
  for d in "$tmp"/unpacked/gmailcli-*; do
    [ -f "$d/bin/gmailcli" ] && [ -f "$d/lib/gmailcli.jar" ] && tree=$d
  done
  [ -n "$tree" ] || die "$archive: not a gmailcli archive (no gmailcli-VERSION/bin/gmailcli)"
fi
mkdir -p "$prefix" || die "cannot create $prefix"
prefix=$(CDPATH='' cd -P -- "$prefix" && pwd)
name=${tree##*/}
case $name in gmailcli-[0-9]*) ;; *) name=gmailcli ;; esac

# SOURCE (in the tree) and TARGET (under the prefix) of every file, one pair a line
files() {
  echo "bin/gmailcli bin/gmailcli"
  echo "lib/gmailcli.jar lib/gmailcli.jar"
  for page in "$tree"/share/man/man1/*.1; do
    [ -f "$page" ] && echo "share/man/man1/${page##*/} share/man/man1/${page##*/}"
  done
  echo "share/bash-completion/completions/gmailcli share/bash-completion/completions/gmailcli"
  echo "share/zsh/site-functions/_gmailcli share/zsh/site-functions/_gmailcli"
  echo "README.md share/doc/gmailcli/README.md"
  echo "LICENSE share/doc/gmailcli/LICENSE"
}

manifest=share/doc/gmailcli/installed-files
changed=0 same=0
list=$tmp/files
files >"$list"
while read -r source target; do
  [ -f "$tree/$source" ] || die "$tree/$source is missing"
  if cmp -s "$tree/$source" "$prefix/$target" && [ ! -h "$prefix/$target" ]; then
    same=$((same + 1))
    continue
  fi
  case $target in bin/*) mode=755 ;; *) mode=644 ;; esac
  mkdir -p "$prefix/${target%/*}"
  cp "$tree/$source" "$prefix/$target.new$$"
  chmod "$mode" "$prefix/$target.new$$"
  mv -f "$prefix/$target.new$$" "$prefix/$target"
  changed=$((changed + 1))
done <"$list"

# what an earlier install put there and this version no longer has
removed=0
if [ -f "$prefix/$manifest" ]; then
  while read -r old; do
    case $old in '' | /* | *..*) continue ;; esac
    if ! cut -d ' ' -f 2 "$list" | grep -Fqx -- "$old" && [ -f "$prefix/$old" ]; then
      rm -f "$prefix/$old"
      removed=$((removed + 1))
    fi
  done <"$prefix/$manifest"
fi
cut -d ' ' -f 2 "$list" >"$prefix/$manifest.new$$"
if cmp -s "$prefix/$manifest.new$$" "$prefix/$manifest"; then
  rm -f "$prefix/$manifest.new$$"
else
  mv -f "$prefix/$manifest.new$$" "$prefix/$manifest"
fi

if [ "$changed" = 0 ] && [ "$removed" = 0 ]; then
  echo "$name is already installed in $prefix (nothing changed)"
else
  echo "Installed $name in $prefix: $changed written, $same unchanged, $removed removed"
fi
echo "  $prefix/bin/gmailcli"
echo "  $prefix/lib/gmailcli.jar"
echo "  man pages in $prefix/share/man/man1, completions for bash and zsh in $prefix/share"
case ":${PATH:-}:" in
  *":$prefix/bin:"*) ;;
  *)
    echo "$prefix/bin is not on PATH: add to ~/.profile (or your shell's start-up file)"
    echo "  export PATH=\"$prefix/bin:\$PATH\""
    ;;
esac
# bash-completion loads what is in its user directory and under XDG_DATA_DIRS, on the first TAB
user_dir=${BASH_COMPLETION_USER_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/bash-completion}
user_dir=$(CDPATH='' cd -P -- "$user_dir" 2>/dev/null && pwd) || user_dir=
case $prefix/share/bash-completion in
  "$user_dir" | /usr/share/bash-completion | /usr/local/share/bash-completion) ;;
  *)
    echo "bash completion: in ~/.bashrc (bash-completion does not look in $prefix/share):"
    echo "  source $prefix/share/bash-completion/completions/gmailcli"
    ;;
esac
case ${SHELL:-} in
  */zsh)
    echo "zsh completion: in ~/.zshrc, before compinit runs:"
    echo "  fpath=($prefix/share/zsh/site-functions \$fpath)"
    ;;
esac
if ! command -v java >/dev/null 2>&1 && [ ! -x "${JAVA_HOME:-/nonexistent}/bin/java" ]; then
  echo "note: gmailcli needs Java 17 or newer on PATH (or JAVA_HOME); none was found"
fi
