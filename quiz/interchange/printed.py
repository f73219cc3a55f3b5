"""A test on paper: the same seeded questions and option order as on screen, the answer key on its own page."""

from __future__ import annotations

import datetime as dt
from html import escape

from quiz.classroom.exam import ExamPaper
from quiz.deck.model import Choice, Cloze, Match, Multi, Number, Order, TrueFalse
from quiz.engine.presentation import Presented

STYLE = """
@page { size: A4; margin: 16mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11.5pt; line-height: 1.4; color: #000; background: #fff;
       max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
header { border-bottom: 1.5pt solid #000; margin-bottom: 1.2em; }
h1 { font-size: 17pt; margin: 0 0 .2em; }
.meta { font-size: 9.5pt; color: #333; margin: 0 0 .6em; }
.who { display: flex; gap: 2em; margin: .8em 0; }
.who span { flex: 1; border-bottom: 1pt solid #000; padding-top: 1.2em; font-size: 9.5pt; }
ol.questions { padding-left: 1.6em; }
ol.questions > li { break-inside: avoid; page-break-inside: avoid; margin-bottom: 1.1em; }
.prompt { white-space: pre-wrap; margin: 0 0 .35em; }
.how { font-size: 9pt; font-style: italic; color: #333; }
ul.options { list-style: none; padding-left: .4em; margin: .2em 0; }
ul.options li { margin: .15em 0; }
.box { display: inline-block; width: .9em; height: .9em; border: 1pt solid #000; margin-right: .5em; vertical-align: -.1em; }
.line { display: inline-block; border-bottom: 1pt solid #000; height: 1.8em; width: 60%; margin-right: .4em; }
table.match { border-collapse: collapse; margin-top: .3em; }
table.match td { padding: .15em 1.5em .15em 0; vertical-align: top; }
.blank { display: inline-block; min-width: 4em; border-bottom: 1pt solid #000; }
section.key { break-before: page; page-break-before: always; }
section.key h2 { font-size: 15pt; border-bottom: 1.5pt solid #000; }
section.key ol li { margin-bottom: .3em; }
@media screen { section.key { margin-top: 3em; border-top: 2px dashed #999; padding-top: 1em; } }
"""


def _letter(index: int) -> str:
    return chr(ord("A") + index)


def _question(number: int, q: Presented) -> str:
    card = q.card
    prompt = escape(q.prompt)
    if isinstance(card, Cloze):
        parts = card.segments()
        prompt = "".join(escape(p) if isinstance(p, str) else f'<span class="blank">&nbsp;({p + 1})</span>' for p in parts)
    body = [f'<p class="prompt">{prompt}</p>']
    if isinstance(card, (Choice, Multi)):
        how = "Tick every right answer." if isinstance(card, Multi) else "Tick one answer."
        body.append(f'<p class="how">{how}</p><ul class="options">')
        body += [f'<li><span class="box"></span>{_letter(i)}) {escape(o)}</li>' for i, o in enumerate(q.options)]
        body.append("</ul>")
    elif isinstance(card, TrueFalse):
        body.append('<ul class="options"><li><span class="box"></span>True</li><li><span class="box"></span>False</li></ul>')
    elif isinstance(card, Order):
        body.append('<p class="how">Number them in the right order.</p><ul class="options">')
        body += [f'<li><span class="box"></span>{escape(o)}</li>' for o in q.options]
        body.append("</ul>")
    elif isinstance(card, Match):
        body.append('<p class="how">Write the letter of the partner beside each item.</p><table class="match">')
        rights = list(q.options)
        for i, left in enumerate(q.left):
            right = f"{_letter(i)}) {escape(rights[i])}" if i < len(rights) else ""
            body.append(f'<tr><td><span class="blank">&nbsp;</span></td><td>{escape(left)}</td><td>{right}</td></tr>')
        body.append("</table>")
    elif isinstance(card, Cloze):
        body.append('<p class="how">Fill in the gaps.</p>')
    else:
        unit = f" {escape(card.unit)}" if isinstance(card, Number) and card.unit else ""
        body.append(f'<div class="line"></div>{unit}')
    return f'<li id="q{number}">' + "".join(body) + "</li>"


def _key(q: Presented) -> str:
    card = q.card
    if isinstance(card, Choice):
        return f"{_letter(q.options.index(card.answer))}) {escape(card.answer)}"
    if isinstance(card, Multi):
        return ", ".join(f"{_letter(q.options.index(a))}) {escape(a)}" for a in card.answers)
    if isinstance(card, Match):
        return "; ".join(f"{escape(left)} → {_letter(q.options.index(right))}" for left, right in card.pairs)
    if isinstance(card, Cloze):
        return "; ".join(f"({i + 1}) {escape(' / '.join(gap))}" for i, gap in enumerate(card.gaps))
    return escape(q.answer_text)


def render(paper: ExamPaper, *, generated: dt.date | None = None) -> str:
    """The printable page: questions as on screen, then the answer key starting a new page."""
    deck = paper.deck
    title = escape(deck.title)
    meta = f"Deck {escape(deck.id)}, version {escape(deck.version)} · seed {escape(paper.seed)} · {len(paper.questions)} questions"
    if generated is not None:
        meta += f" · {generated.isoformat()}"
    questions = "\n".join(_question(i, q) for i, q in enumerate(paper.questions, 1))
    key = "\n".join(f"<li>{_key(q)}</li>" for q in paper.questions)
    lang = f' lang="{escape(deck.language)}"' if deck.language else ""
    return f"""<!DOCTYPE html>
<html{lang}>
<head>
<meta charset="utf-8">
<title>{title}: test {escape(paper.seed)}</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>{title}</h1>
<p class="meta">{meta}</p>
<div class="who"><span>Name</span><span>Class</span><span>Date</span></div>
</header>
<ol class="questions">
{questions}
</ol>
<section class="key">
<h2>Answer key: {title} (seed {escape(paper.seed)})</h2>
<ol>
{key}
</ol>
</section>
</body>
</html>
"""
