# bash completion for retort(1); installed as
# share/bash-completion/completions/retort and loaded on demand.
#
# Commands and options are listed here, as host/cli/command_table.cpp has
# them (tests/cli/command_table_test.cpp fails when the two differ). Revision ids and branch labels are asked of retort
# itself, with the -c/--plugin-path given so far, in a way that can have no
# side effect: `history` against an in-memory SQLite database, so completing
# never creates a database file, never connects to a server, and a broken
# configuration just completes nothing. Everything retort prints on stderr is
# dropped, and a hung plugin is cut off after 3 seconds.

_retort_commands="init revision merge upgrade downgrade stamp adopt current heads branches history show check diff schema plugins"
_retort_global_options="-c --config --url --plugin-path --models --init-sql -x --x-argument --log-level --log-format --format
  --allow-untrusted-plugins -h --help --version"

# The options each command takes besides the global ones.
_retort_command_options() {
  case $1 in
    init) echo "--template" ;;
    revision) echo "-m --message --head --splice --branch-label --depends-on --rev-id --template --autogenerate --from --allow-destructive" ;;
    merge) echo "-m --message --rev-id --template" ;;
    upgrade) echo "--sql --output --retry-pending --targets --jobs --canary --max-failures --journal --resume" ;;
    downgrade) echo "--sql --output --retry-pending --targets --jobs --canary --max-failures --journal --resume" ;;
    stamp) echo "--sql --output --purge --targets --jobs --canary --max-failures --journal --resume" ;;
    adopt) echo "--from" ;;
    current) echo "--targets --jobs --canary --max-failures --journal --resume" ;;
    history) echo "-r --rev-range" ;;
    check) echo "--no-drift --targets --jobs --canary --max-failures --journal --resume" ;;
    diff) echo "--from --to --allow-destructive" ;;
  esac
}

# Ids and label@head of the configured revisions, one per line.
_retort_revisions() {
  local program=$1
  shift
  local json
  json=$(timeout 3 "$program" "$@" --url sqlite://:memory: --log-level error --format json history \
    2>/dev/null | tr -d '\n') || true
  [[ -n $json ]] || return 0
  # One "revision": "ID" per revision; labels from its "branch_labels" list.
  grep -oE '"revision": *"[A-Za-z0-9_]+"' <<<"$json" | sed -E 's/.*"([A-Za-z0-9_]+)"$/\1/'
  grep -oE '"branch_labels": *\[[^]]*\]' <<<"$json" | grep -oE '"[^"]+"' | grep -v branch_labels |
    tr -d '"' | sed 's/$/@head/'
}

# Readline splits words at '@' and '=' too: a candidate must then be only
# what follows the last '@' of the word being completed.
_retort_trim_at() {
  [[ $cur == *@* && $COMP_WORDBREAKS == *@* ]] || return 0
  local prefix=${cur%@*}@ i
  for i in "${!COMPREPLY[@]}"; do COMPREPLY[i]=${COMPREPLY[i]#"$prefix"}; done
}

_retort() {
  local cur prev words cword split=false
  if declare -F _init_completion >/dev/null; then
    # bash-completion: joins "label@head" back into one word, and splits
    # --option=value into prev=--option, cur=value.
    _init_completion -s -n @ || return 0
  else
    words=("${COMP_WORDS[@]}")
    cword=$COMP_CWORD
    cur=${words[cword]}
    prev=${words[cword - 1]}
  fi
  local program=${words[0]}

  # Find the command, and the options that choose the configuration (so
  # revision ids come from the same project the command will use).
  local command="" i word
  local -a context=()
  local -a positional=()
  for ((i = 1; i < cword; i++)); do
    word=${words[i]}
    case $word in
      -c | --config | --plugin-path)
        context+=("$word" "${words[i + 1]}")
        ((i++))
        ;;
      --url | --models | --init-sql | -x | --x-argument | --log-level | --log-format | --format | --output | -r | --rev-range | \
        -m | --message | --head | --branch-label | --depends-on | --rev-id | --template | --from | --to | \
        --targets | --jobs | --canary | --max-failures | --journal)
        ((i++))
        ;;
      --config=* | --plugin-path=*) context+=("$word") ;;
      -*) ;;
      *)
        if [[ -z $command ]]; then command=$word; else positional+=("$word"); fi
        ;;
    esac
  done

  case $prev in
    -c | --config | --output | --models | --targets | --journal)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return 0
      ;;
    --plugin-path)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      return 0
      ;;
    --log-level)
      mapfile -t COMPREPLY < <(compgen -W "error warn info debug" -- "$cur")
      return 0
      ;;
    --log-format | --format)
      mapfile -t COMPREPLY < <(compgen -W "text json" -- "$cur")
      return 0
      ;;
    --template)
      mapfile -t COMPREPLY < <(compgen -W "sqldir cpp" -- "$cur")
      return 0
      ;;
    --from)
      if [[ $command == adopt ]]; then
        mapfile -t COMPREPLY < <(compgen -W "alembic golang-migrate goose flyway dbmate diesel" -- "$cur")
        return 0
      fi
      ;;
    --url)
      compopt -o nospace 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -W "sqlite:/// postgresql:// mariadb:// mysql://" -- "$cur")
      return 0
      ;;
    --head | --depends-on)
      mapfile -t COMPREPLY < <(compgen -W "head $(_retort_revisions "$program" "${context[@]}")" -- "$cur")
      _retort_trim_at
      return 0
      ;;
    -x | --x-argument | -m | --message | --rev-id | --branch-label | -r | --rev-range)
      return 0  # free text
      ;;
  esac

  [[ $split == true ]] && return 0  # --option=value of an option without fixed values
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$_retort_global_options $(_retort_command_options "$command")" -- "$cur")
    return 0
  fi

  case $command in
    "")
      mapfile -t COMPREPLY < <(compgen -W "$_retort_commands" -- "$cur")
      ;;
    upgrade | downgrade | stamp | show)
      [[ ${#positional[@]} -eq 0 ]] || return 0
      local targets="head heads base"
      [[ $command == show ]] && targets="head"
      mapfile -t COMPREPLY < <(compgen -W "$targets $(_retort_revisions "$program" "${context[@]}")" -- "$cur")
      _retort_trim_at
      ;;
    merge)
      mapfile -t COMPREPLY < <(compgen -W "$(_retort_revisions "$program" "${context[@]}")" -- "$cur")
      _retort_trim_at
      ;;
    init)
      [[ ${#positional[@]} -eq 0 ]] || return 0
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      ;;
    plugins)
      if [[ ${#positional[@]} -eq 0 ]]; then
        mapfile -t COMPREPLY < <(compgen -W "inspect lock" -- "$cur")
      elif [[ ${positional[0]} == inspect && ${#positional[@]} -eq 1 ]]; then
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -X '!*.so' -- "$cur"; compgen -d -- "$cur")
      fi
      ;;
  esac
  return 0
}

complete -F _retort retort
