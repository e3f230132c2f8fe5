"""How each of the six languages words a resolution mention and a cited place: data only, no logic.

Each language gives regular-expression fragments; ``mentions.py`` compiles them once into one pattern
per language. A body is named by a code: ``ga``, ``ecosoc``, ``commission`` (the Commission on Crime
Prevention and Criminal Justice) or ``other`` (a body whose resolutions the compendium cannot link:
the Security Council, the Commission on Human Rights, the Commission on Narcotic Drugs...).
Bodies are listed most specific first: "Security Council" before "Council".
"""

from __future__ import annotations

from dataclasses import dataclass

DIGIT = "0-9\u0660-\u0669\u06f0-\u06f9"  # ASCII, Arabic-Indic and Eastern Arabic-Indic digits
ROMAN = "[IVXLC]+"
# A resolution number: 1993/34 (ECOSOC: year/number), 46/152 (GA, Commission: session/number), or the
# older forms 155 C (VII) and 3452 (XXX).
NUMBER = (rf"(?<![{DIGIT}/.A-Za-z])(?:[{DIGIT}]{{1,4}}\s?/\s?[{DIGIT}]{{1,4}}"
          rf"|[{DIGIT}]{{1,4}}(?:\s?[A-Z])?\s?\({ROMAN}\))(?![{DIGIT}/])")
# A United Nations document symbol: E/CN.15/1994/6, A/CONF.169/16, E/RES/1993/34, A/RES/70/175, A/RES/3452(XXX).
SYMBOL = (r"(?<![\w/])(?:A|E|S|ST)(?:/[A-Z][A-Z0-9]*(?:\.[0-9]+)?)*(?:/[0-9]+(?:\s?\([IVXLC]+\))?)+"
          r"(?:/(?:Add|Rev|Corr)\.[0-9]+)*(?![\w/])")


@dataclass(frozen=True)
class Language:
    """The fragments of one language. Every field is a regular expression (strings, compiled elsewhere)."""

    head: str  # before the first number; may hold the groups `pre` (a body), `its`, `mid` (a body)
    bodies: tuple[tuple[str, str], ...]  # (wording, body code) for `pre`, `mid`
    post_bodies: tuple[tuple[str, str], ...]  # (wording after the number, body code)
    date: str  # a date after a number ("of 18 December 1991")
    sep: str  # between the numbers of a list
    antecedent: str  # the body "its" refers to, just before the mention ("the General Assembly, in")
    antecedent_bodies: tuple[tuple[str, str], ...]
    # cited places
    annex: str
    section: str  # group `n`: a roman numeral (or a word, see ordinals)
    paragraph: str  # groups `n` and `items`
    item: str  # a lone sub-item part ("subparagraph (c)"): group `i`
    headed: tuple[tuple[str, str], ...]  # (word, kind) for "rule 43", "article 5"
    place_sep: str  # between the parts of a place
    lead: str  # between a place and the mention after it ("section VI of its resolution")
    trail: str  # between a mention and the place after it ("resolution 1992/22, section VI")
    item_prefix: str = ""  # zh: "第"
    item_suffix: str = ""  # zh: "号"
    tail_word: str = ""  # zh: the word comes after the numbers ("号决议")
    date_before: str = ""  # zh: the date comes before the number
    ordinals: tuple[str, ...] = ()  # words for sections I, II, III... (Arabic, Chinese)
    item_letters: str = ""  # the language's own sub-item letters, in order, for a, b, c...
    keywords: tuple[str, ...] = ()  # words without which a text holds no resolution mention


ITEMS = r"(?:\s*[(（]?\s*[a-z]{1,5}\s*[)）])*"  # (c), c), (a) (ii)

EN = Language(
    head=r"(?:(?P<pre>{bodies})\s+)?(?P<its>its\s+)?(?P<word>[Rr]esolutions?)\s+",
    bodies=(
        (r"Security\s+Council", "other"), (r"Human\s+Rights\s+Council", "other"), (r"Trusteeship\s+Council", "other"),
        (r"Economic\s+and\s+Social\s+Council|ECOSOC", "ecosoc"), (r"General\s+Assembly", "ga"),
        (r"Commission\s+on\s+Crime\s+Prevention\s+and\s+Criminal\s+Justice", "commission"),
        (r"Commission\s+on\s+Human\s+Rights", "other"), (r"Commission\s+on\s+Narcotic\s+Drugs", "other"),
        (r"Commission\s+on\s+the\s+Status\s+of\s+Women", "other"), (r"Commission\s+for\s+Social\s+Development", "other"),
        (r"Council", "ecosoc"), (r"Assembly", "ga"), (r"Commission", "commission"),
    ),
    post_bodies=(),  # filled below from `bodies`: "of the Commission on Crime Prevention and Criminal Justice"
    date=r"\s+of\s+\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)"
         r"\s+\d{4}",
    sep=r"\s*,\s*(?:and\s+)?|\s+and\s+",
    antecedent=r"(?P<body>{bodies})\s*,?\s*(?:in|by|through)\s+$",
    antecedent_bodies=((r"General\s+Assembly|Assembly", "ga"), (r"Economic\s+and\s+Social\s+Council|Council", "ecosoc"),
                       (r"Commission", "commission")),
    annex=r"[Aa]nnex(?:\s+(?P<n>[IVXLC]+|\d+)\b)?",
    section=r"[Ss]ections?\s+(?P<n>[IVXLC]+)\b(?:\s*\.?\s*(?P<sub>[A-Z])\b)?",
    paragraph=r"(?:[Pp]aragraphs?|[Pp]aras?\.)\s+(?P<n>\d+)(?P<items>" + ITEMS + ")",
    item=r"(?:[Ss]ubparagraph|[Ss]ub-paragraph)\s+\(?(?P<i>[a-z]{1,5})\)",
    headed=((r"[Rr]ules?", "rule"), (r"[Aa]rticles?", "article"), (r"[Pp]rinciples?", "principle"), (r"[Gg]uidelines?", "guideline")),
    place_sep=r"\s*,\s*|\s+of\s+(?:the\s+)?",
    lead=r"\s+(?:of|to|in)\s+(?:the\s+)?$",
    trail=r"\s*,\s*(?:(?:in\s+particular|especially|including|in)\s+)?",
    keywords=("resolution",),
)
EN = Language(**{**EN.__dict__, "post_bodies": tuple((rf"\s+of\s+the\s+{w}", b) for w, b in EN.bodies)})

FR = Language(
    head=r"(?P<its>(?:[Ss]a|[Ss]es|[Ll]eurs?)\s+)?(?P<word>[Rr][ée]solutions?)\s+",
    bodies=(),
    post_bodies=(
        (r"\s+du\s+Conseil\s+de\s+s[ée]curit[ée]", "other"), (r"\s+du\s+Conseil\s+des\s+droits\s+de\s+l['’]homme", "other"),
        (r"\s+du\s+Conseil\s+[ée]conomique\s+et\s+social", "ecosoc"), (r"\s+de\s+l['’]Assembl[ée]e\s+g[ée]n[ée]rale", "ga"),
        (r"\s+de\s+la\s+Commission\s+pour\s+la\s+pr[ée]vention\s+du\s+crime\s+et\s+la\s+justice\s+p[ée]nale", "commission"),
        (r"\s+de\s+la\s+Commission\s+des\s+droits\s+de\s+l['’]homme", "other"),
        (r"\s+de\s+la\s+Commission\s+des\s+stup[ée]fiants", "other"),
        (r"\s+de\s+la\s+Commission\s+de\s+la\s+condition\s+de\s+la\s+femme", "other"),
        (r"\s+du\s+Conseil", "ecosoc"), (r"\s+de\s+l['’]Assembl[ée]e", "ga"), (r"\s+de\s+la\s+Commission", "commission"),
    ),
    date=r"(?:\s*,)?\s+(?:en\s+date\s+)?du\s+\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t"
         r"|septembre|octobre|novembre|d[ée]cembre)\s+\d{4}",
    sep=r"\s*,\s*(?:et\s+)?|\s+et\s+",
    antecedent=r"(?P<body>{bodies})\s*,?\s*(?:dans|par)\s+$",
    antecedent_bodies=((r"Assembl[ée]e\s+g[ée]n[ée]rale|Assembl[ée]e", "ga"), (r"Conseil", "ecosoc"),
                       (r"Commission", "commission")),
    annex=r"[Aa]nnexe(?:\s+(?P<n>[IVXLC]+|\d+)\b)?",
    section=r"[Ss]ections?\s+(?P<n>[IVXLC]+)\b(?:\s*\.?\s*(?P<sub>[A-Z])\b)?",
    paragraph=r"(?:[Pp]aragraphes?|par\.)\s+(?P<n>\d+)(?P<items>" + ITEMS + ")",
    item=r"[Aa]lin[ée]a\s+\(?(?P<i>[a-z]{1,5})\)?",
    headed=((r"[Rr][èe]gles?", "rule"), (r"[Aa]rticles?", "article"), (r"[Pp]rincipes?", "principle"), (r"[Dd]irectives?", "guideline")),
    place_sep=r"\s*,\s*|\s+(?:de\s+la|de\s+l['’]|du|de)\s*",
    lead=r"\s+(?:de\s+la|de\s+l['’]|du|de|à\s+la)\s*$",
    trail=r"\s*,\s*(?:(?:en\s+particulier|notamment)\s+(?:la\s+|le\s+|l['’])?)?",
    keywords=("solution",),
)

ES = Language(
    head=r"(?P<its>[Ss]us?\s+)?(?P<word>[Rr]esoluci(?:ón|on|ones))\s+",
    bodies=(),
    post_bodies=(
        (r"\s+del\s+Consejo\s+de\s+Seguridad", "other"), (r"\s+del\s+Consejo\s+de\s+Derechos\s+Humanos", "other"),
        (r"\s+del\s+Consejo\s+Econ[óo]mico\s+y\s+Social", "ecosoc"), (r"\s+de\s+la\s+Asamblea\s+General", "ga"),
        (r"\s+de\s+la\s+Comisi[óo]n\s+de\s+Prevenci[óo]n\s+del\s+Delito\s+y\s+Justicia\s+Penal", "commission"),
        (r"\s+de\s+la\s+Comisi[óo]n\s+de\s+Derechos\s+Humanos", "other"),
        (r"\s+de\s+la\s+Comisi[óo]n\s+de\s+Estupefacientes", "other"),
        (r"\s+de\s+la\s+Comisi[óo]n\s+de\s+la\s+Condici[óo]n\s+Jur[íi]dica\s+y\s+Social\s+de\s+la\s+Mujer", "other"),
        (r"\s+del\s+Consejo", "ecosoc"), (r"\s+de\s+la\s+Asamblea", "ga"), (r"\s+de\s+la\s+Comisi[óo]n", "commission"),
    ),
    date=r"(?:\s*,)?\s+de\s+\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|se?tiembre|octubre"
         r"|noviembre|diciembre)\s+de\s+\d{4}",
    sep=r"\s*,\s*(?:y\s+)?|\s+y\s+",
    antecedent=r"(?P<body>{bodies})\s*,?\s*(?:en|por|mediante)\s+$",
    antecedent_bodies=((r"Asamblea\s+General|Asamblea", "ga"), (r"Consejo", "ecosoc"), (r"Comisi[óo]n", "commission")),
    annex=r"[Aa]nexo(?:\s+(?P<n>[IVXLC]+|\d+)\b)?",
    section=r"[Ss]ecci(?:ón|on|ones)\s+(?P<n>[IVXLC]+)\b(?:\s*\.?\s*(?P<sub>[A-Z])\b)?",
    paragraph=r"[Pp][áa]rrafos?\s+(?P<n>\d+)(?P<items>" + ITEMS + ")",
    item=r"(?:[Aa]partado|[Ii]nciso)\s+\(?(?P<i>[a-z]{1,5})\)",
    headed=((r"[Rr]eglas?", "rule"), (r"[Aa]rt[íi]culos?", "article"), (r"[Pp]rincipios?", "principle"), (r"[Dd]irectrices|[Dd]irectriz", "guideline")),
    place_sep=r"\s*,\s*|\s+(?:de\s+la|del|de)\s+",
    lead=r"\s+(?:de\s+la|del|de)\s*$",
    trail=r"\s*,\s*(?:(?:en\s+particular|especialmente)\s+(?:la\s+|el\s+)?)?",
    keywords=("resoluci",),
)

_RU_BODIES = (
    (r"Совета\s+Безопасности", "other"), (r"Совета\s+по\s+правам\s+человека", "other"),
    (r"Экономического\s+и\s+Социального\s+Совета", "ecosoc"), (r"Генеральной\s+Ассамблеи", "ga"),
    (r"Комиссии\s+по\s+предупреждению\s+преступности\s+и\s+уголовному\s+правосудию", "commission"),
    (r"Комиссии\s+по\s+правам\s+человека", "other"), (r"Комиссии\s+по\s+наркотическим\s+средствам", "other"),
    (r"Комиссии\s+по\s+положению\s+женщин", "other"),
    (r"Совета", "ecosoc"), (r"Ассамблеи", "ga"), (r"Комиссии", "commission"),
)
RU = Language(
    head=r"(?P<its>[Сс]во(?:ей|ю|я|их|ими|ем)\s+)?(?P<word>[Рр]езолюци(?:я|и|ю|ей|ях|ям|ями|й))\s+"
         r"(?:(?P<mid>{bodies})\s+)?(?:№\s*)?",
    bodies=_RU_BODIES,
    post_bodies=tuple((rf"\s+{w}", b) for w, b in _RU_BODIES),
    date=r"\s+от\s+\d{1,2}\s+(?:января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)"
         r"\s+\d{4}(?:\s*(?:года|г\.))?",
    sep=r"\s*,\s*(?:и\s+)?|\s+и\s+",
    antecedent=r"(?P<body>{bodies})\s*,?\s*в\s+$",
    antecedent_bodies=((r"Генеральная\s+Ассамблея|Ассамблея", "ga"), (r"Совет", "ecosoc"), (r"Комиссия", "commission")),
    annex=r"[Пп]риложени(?:е|я|ю|ем|и)(?:\s+(?P<n>[IVXLC]+|\d+)\b)?",
    section=r"[Рр]аздел(?:а|е|у|ом|ы|ов)?\s+(?P<n>[IVXLC]+)\b(?:\s*\.?\s*(?P<sub>[A-Z])\b)?",
    paragraph=r"[Пп]ункт(?:а|е|у|ом|ы|ов|ах)?\s+(?P<n>\d+)(?P<items>(?:\s*[(]?\s*[a-zасеох]{1,5}\s*[)])*)",
    item=r"[Пп]одпункт(?:а|е|у|ом)?\s+\(?(?P<i>[a-zасеох]{1,5})\)",
    headed=((r"[Пп]равил(?:о|а|е|у|ом)", "rule"), (r"[Сс]тать(?:я|и|ю|ей|е)", "article"), (r"[Пп]ринцип(?:а|е|у|ом)?", "principle")),
    place_sep=r"\s*,\s*|\s+",
    lead=r"\s+$",
    trail=r"\s*,\s*(?:в\s+частности\s+)?",
    keywords=("езолюци",),
)

ZH = Language(
    head=r"(?:(?P<pre>{bodies}))?(?P<its>其)?",
    bodies=(
        (r"安全理事会|安理会", "other"), (r"人权理事会", "other"), (r"人权委员会", "other"), (r"麻醉药品委员会", "other"),
        (r"妇女地位委员会", "other"), (r"社会发展委员会", "other"),
        (r"经济及社会理事会|经社理事会", "ecosoc"), (r"预防犯罪和刑事司法委员会", "commission"),
        (r"理事会", "ecosoc"), (r"大会", "ga"), (r"委员会", "commission"),
    ),
    post_bodies=(),
    date=r"",
    date_before=r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*",
    sep=r"\s*(?:、|，|,|和|及|以及)\s*",
    antecedent=r"(?P<body>{bodies})\s*在\s*$",
    antecedent_bodies=((r"大会", "ga"), (r"理事会", "ecosoc"), (r"委员会", "commission")),
    annex=r"附件(?P<n>[一二三四五六七八九十]+|[IVXLC]+)?",
    section=r"第\s*(?P<n>[一二三四五六七八九十]+|[IVXLC]+)\s*(?:节|部分)(?P<sub>[A-Z])?",
    paragraph=r"第\s*(?P<n>\d+)(?P<items>(?:\s*[(（]\s*[a-z]{1,5}\s*[)）])*)\s*段"
              r"(?P<items2>(?:\s*[(（]\s*[a-z]{1,5}\s*[)）])*)(?:\s*(?:分段|项))?",
    item=r"[(（](?P<i>[a-z]{1,5})[)）]\s*(?:分段|项)",
    headed=((r"规则", "rule"), (r"原则", "principle"), (r"准则", "guideline")),
    place_sep=r"\s*(?:的|、|，)?\s*",
    lead=r"(?!)",  # Chinese names the place after the resolution
    trail=r"\s*(?:的\s*)?",
    item_prefix=r"第?\s*",
    item_suffix=r"\s*号?",
    tail_word=r"\s*号?\s*决议",
    ordinals=("一", "二", "三", "四", "五", "六", "七", "八", "九", "十"),
    keywords=("决议",),
)

_AR_BODIES = (
    (r"مجلس\s+الأمن", "other"), (r"مجلس\s+حقوق\s+الإنسان", "other"), (r"لجنة\s+حقوق\s+الإنسان", "other"),
    (r"لجنة\s+المخدرات", "other"), (r"لجنة\s+وضع\s+المرأة", "other"),
    (r"المجلس\s+الاقتصادي\s+والاجتماعي", "ecosoc"), (r"الجمعية\s+العامة", "ga"),
    (r"لجنة\s+منع\s+الجريمة\s+والعدالة\s+الجنائية", "commission"),
    (r"المجلس", "ecosoc"), (r"الجمعية", "ga"), (r"اللجنة", "commission"),
)
AR = Language(
    head=r"(?<!\w)(?:و|ف)?(?:ب|ل)?(?P<word>(?:ال)?قرار(?:ات|ين|ي)?(?P<its>ه|ها|هما|هم)?)\s+(?:(?P<mid>{bodies})\s+)?",
    bodies=_AR_BODIES,
    post_bodies=tuple((rf"\s+(?:الصادر|الذي\s+اتخذته|الذي\s+اتخذه)\s+(?:عن\s+)?{w}", b) for w, b in _AR_BODIES),
    date=r"\s+المؤرخ(?:ة|ين)?\s+[0-9\u0660-\u0669]{1,2}\s+[^0-9\u0660-\u0669،,.]{2,30}?\s+[0-9\u0660-\u0669]{4}",
    sep=r"\s*[،,]\s*(?:و\s*)?|\s+و\s*",
    antecedent=r"(?P<body>{bodies})\s*[،,]?\s*(?:في\s+)?$",
    antecedent_bodies=((r"الجمعية\s+العامة", "ga"), (r"المجلس", "ecosoc"), (r"اللجنة", "commission")),
    annex=r"المرفق(?:\s+(?P<n>[IVXLC]+|\d+)\b)?",
    section=r"الفرع\s+(?P<n>[IVXLC]+\b|الأول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع|العاشر)",
    paragraph=r"الفقرة\s+(?P<n>[0-9\u0660-\u0669]+)(?P<items>(?:\s*\(\s*(?:هـ|[\u0621-\u064a])\s*\))*)",
    item=r"الفقرة\s+الفرعية\s+\((?P<i>هـ|[\u0621-\u064a])\)",
    headed=((r"القاعدة", "rule"), (r"المادة", "article"), (r"المبدأ", "principle")),
    place_sep=r"\s*[،,]\s*|\s+من\s+",
    lead=r"\s+من\s+$",
    trail=r"\s*[،,]\s*(?:ولا\s+سيما\s+)?",
    ordinals=("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"),
    item_letters="أبجدهوزحطيكلمن",  # the abjad order of United Nations Arabic texts: (أ) (ب) (ج) = (a) (b) (c)
    keywords=("قرار",),
)

LANGUAGES: dict[str, Language] = {"en": EN, "fr": FR, "es": ES, "ru": RU, "zh": ZH, "ar": AR}
