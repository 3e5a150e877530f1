#!/usr/bin/env bash
# Scores `ask` on our own question sets with the shared scorer (each set over the documents it was written from).
# Usage: eval/run.sh [corpus|dev|chat|<a set of eval/sets>|all] [--out DIR]
# nghean: six documents of a Nghệ An chain (eval/sets/nghean/docs, written for evaluation by a reader who never saw
# the code, with its questions and facts); scored once unseen, then used to fix what it showed. set5: six Lạng Sơn
# documents (a decision with its plan, a city Party programme, a ministry plan, a Sở letter, a commune plan in plain
# text, a question-and-answer page quoting Nghị quyết 57), written the same way in a later session. set6: six Hà Tĩnh
# documents (a law-library page of a Party plan, a Party conclusions notice, a decision with a 28-row task table, a
# district plan with tab-laid header, a People's Council resolution copied from a PDF, a Sở letter), the same way again.
# set7: six Quảng Trị documents (a ministry's decision with an appendix task table, a provincial Party programme, a
# provincial plan copied from a law-library page, a letter urging overdue tasks, a district Party plan with OCR defects,
# a newspaper page quoting the programme), the same way once more. set8: seven Cần Thơ and central documents (a
# Government resolution with its programme, a city Party plan, a city decision with its plan, a Sở letter, a district
# report, a ministry plan from a law-library page, a newspaper page). set9: seven Thanh Hóa and central documents (a
# ministry decision with articles and an appendix table, a provincial Party programme, a provincial plan with a
# tab-laid appendix, a Sở letter with a report outline, a town Party plan with OCR defects, a newspaper page, and a
# city plan from a law-library page that shares its number with the provincial plan). set10: seven Hải Phòng and
# central documents (a Prime Minister's decision with articles and a grouped appendix table, a city Party programme, a
# city plan with a tab-laid appendix, a district Party plan typed from a scan whose number is near the programme's,
# a Sở letter urging overdue tasks, a city decision from a law-library page, a newspaper page). set11: seven Đồng
# Tháp (after the 2025 merger) and central documents (a Government resolution amending another with a grouped
# appendix, a provincial Party plan, a decision with its plan and a tab-laid table, a People's Council resolution on
# support policies, a ward plan with OCR defects that shares its number with the Party plan, a Sở report, a
# question-and-answer page of a law library). set12: seven Hồ Chí Minh City (after the merger) and central documents (a
# ministry's decision with its plan and a flattened appendix table, the same decision as a law-library page, a central
# Party guide, a city Party programme and a city plan sharing the number 35, a Sở letter, a special zone's decision
# setting up a steering committee with its rules). set13: eight Bắc Ninh (after the merger) and central documents (a
# central steering committee's Party plan, a ministry circular in chapters and articles, a provincial Party programme in
# parts A-/B-/C-, a decision with its plan and a grouped task table, a ward Party plan without a number and with OCR
# defects, a Sở letter laid out with tabs, a provincial report sharing its number with the programme, a news page).
# set14: eight Đà Nẵng (after the merger) and central documents (a Government resolution amending another, a central
# board's guide in chapters, a city Party conclusions notice, a city plan whose table merges its lead cells, a People's
# Council resolution sharing its number with the notice, a commune plan from a scan, a Sở letter laid out with tabs, a
# law library's question-and-answer page). set15–set24: Lâm Đồng, Phú Thọ, Gia Lai, Khánh Hòa, Hà Nội, Thanh Hóa,
# Quảng Ninh, Huế, Tây Ninh and Sơn La (after the merger) with central and ministry documents; README.md ("Question
# sets") says what each holds and how its first run scored.
set -euo pipefail
cd "$(dirname "$0")/.."
which=${1:-all}
score() { node ../shared/eval/score.mjs --project . --questions "eval/questions/$1.jsonl" "${@:2}"; }
run() {
  case "$1" in
    corpus) score corpus --corpus corpus --corpus ../shared/corpus-extra "${@:2}" ;;
    dev) score dev --corpus ../shared/corpus-dev "${@:2}" ;;
    chat) score chat --corpus corpus --corpus ../shared/corpus-extra --corpus ../shared/corpus-dev "${@:2}" ;;
    *)
      if [ ! -f "eval/sets/$1/questions.jsonl" ]; then echo "no set named $1 (eval/sets/<set>/questions.jsonl)" >&2; exit 2; fi
      node ../shared/eval/score.mjs --project . --questions "eval/sets/$1/questions.jsonl" --corpus "eval/sets/$1/docs" "${@:2}" ;;
  esac
}
# Every set in eval/sets (nghean, then set5, set6, … in number order).
sets() { ls eval/sets | sort -V; }
if [ "$which" = all ]; then for s in corpus dev chat $(sets); do echo "== $s"; run "$s" | tail -1; done; else run "$@"; fi
