"""Multilingual phrase patterns that mark a line as page furniture rather than article text.

Kept apart from the classifier so that adding a language is a data change: each entry is the
generic wording a site template uses for a call to action (share, subscribe, read more), a
section heading of related links, a copyright notice or a picture credit. None of them names a
site. A pattern only ever fires on a *short* line (the classifier checks length), because the
same words inside a real sentence ("we subscribe to the idea ...") are content.

Lines are matched after :func:`normalise_for_patterns`: lower-cased, NFKC, counts and arrows
stripped from the ends, so "Share this article (12) »" and "SHARE THIS ARTICLE" look alike.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .script import CJK_CHARS

# Calls to action and template labels: the whole (normalised) line is one of these.
_CTA_PHRASES: tuple[str, ...] = (
    # English
    r"read (?:more|on|next|the (?:full|whole|rest of the) (?:story|article|post))(?: about .{0,40})?",
    r"continue reading(?: .{0,60})?",
    r"(?:click|tap) here(?: .{0,40})?",
    r"share(?: (?:this|the) (?:article|story|post|page|video|gallery|photo|image))?(?: on \w+| via \w+)?",
    r"share(?: this)?|shares?|sharing is caring|share on (?:facebook|twitter|whatsapp|linkedin|email)",
    r"(?:tweet|pin|pin it|email|e-mail|print|copy link|copy url|flipboard|whatsapp|linkedin|reddit)",
    r"(?:facebook|twitter|instagram|pinterest|youtube|telegram|tiktok|vk|vkontakte|weibo|wechat|line)",
    r"subscribe(?: now| today| for free| here)?(?: to .{0,60})?",
    r"(?:sign|log) (?:in|up|out)(?: (?:for|to) .{0,60})?|login|logout|register|my account",
    r"follow (?:us|me)(?: on .{0,40})?|like us on facebook|join us on .{0,30}",
    r"(?:get|sign up for|subscribe to) (?:our|the) (?:\w+ )?newsletters?(?: .{0,40})?|newsletters?",
    r"download (?:the|our) app(?: .{0,30})?",
    r"advertisement|advertising|sponsored(?: content| links?| stories| by .{0,40})?|paid (?:post|content)",
    r"scroll (?:down )?to (?:continue|read)(?: (?:with|the) (?:content|article|reading))?",  # under an ad slot
    r"(?:skip|jump) to (?:main )?(?:content|navigation|search|footer)(?: .{0,40})?",
    r"(?:back|return|scroll) to top|top of page",
    r"(?:main )?menu|search|close|open|toggle navigation|navigation|home|homepage|sections|more",
    r"(?:next|previous|prev|older|newer)(?: (?:article|post|story|page|entry|slide|posts|articles))?",
    r"(?:load|show|see|view) (?:more|all|less)(?: .{0,40})?",
    r"view (?:comments?|gallery|slideshow|photos?)|(?:\d+ )?(?:photos?|images?)",
    r"(?:leave|post|add|write) a (?:comment|reply)(?: .{0,40})?",
    r"cancel reply|reply|report|comments?(?: \(\d+\))?",
    r"(?:watch|listen)(?: now| live| to (?:this|the) (?:article|story|podcast))?|play video|video",
    r"(?:accept|reject|decline)(?: all)?(?: cookies)?",
    r"cookie (?:settings|policy|preferences)|manage (?:cookies|consent)",
    r"privacy(?: policy| notice| settings)?",
    r"terms(?: of (?:use|service))?(?: and conditions)?|contact(?: us)?",
    r"about(?: us)?|careers|help|faq|site ?map|rss(?: feeds?)?|accessibility|do not sell my .{0,40}",
    r"(?:tags?|topics?|filed under|posted in|categories|category)(?: ?: ?.{0,80})?",
    r"like this:?|loading\W*|you might also like|you may also like|recommended(?: for you)?",
    r"(?:most )?(?:read|popular|viewed|shared|commented)(?: (?:stories|articles|news|now|this week))?",
    r"trending(?: now| stories)?|top stories|latest(?: news| stories| articles)?|breaking news",
    r"(?:all|more) (?:news|stories|articles|videos)",
    # Russian
    r"подпис(?:аться|ывайтесь|ка|ки)(?: на .{0,60})?|подпишитесь(?: на .{0,60})?",
    r"(?:читать|читайте|смотрите|смотреть) (?:также|тоже|еще|ещё|далее|полностью|дальше|все|всё)"
    r"(?: .{0,40})?",
    r"поделиться|поделитесь(?: .{0,30})?|рассказать друзьям|отправить|распечатать|печать|твитнуть",
    r"реклама|партн[её]рские (?:материалы|новости)|новости партн[её]ров|на правах рекламы",
    r"комментари(?:и|ев|й)(?: \(?\d+\)?)?|оставить комментарий|ответить|пожаловаться",
    r"войти|вход|регистрация|выйти|личный кабинет|главная|меню|поиск|наверх|подробнее|ещё|еще",
    r"(?:похожие|другие|последние|главные|все) (?:новости|статьи|материалы|публикации)",
    r"популярное|самое (?:читаемое|популярное|интересное)|по теме|материалы по теме|темы?:? .{0,60}",
    # German
    r"teilen|(?:artikel |seite )?(?:teilen|drucken|versenden|merken)",
    r"per (?:e-?mail|mail) (?:teilen|versenden)",
    r"(?:jetzt |newsletter )?abonnieren(?: .{0,40})?|abo|zum abo|newsletter bestellen",
    r"weiterlesen|mehr lesen|mehr (?:zum thema|dazu|erfahren)(?: .{0,40})?",
    r"lesen sie (?:auch|mehr)(?: .{0,40})?",
    r"auch interessant|das könnte sie (?:auch )?interessieren|empfohlene artikel|meistgelesen",
    r"anzeige|werbung|kommentare?(?: \(\d+\))?|kommentieren|antworten",
    r"anmelden|einloggen|abmelden|registrieren|startseite|suche|menü|zurück(?: nach oben| zur startseite)?",
    r"datenschutz(?:erklärung)?|impressum|kontakt|nutzungsbedingungen|agb",
    # French
    r"partager(?: (?:sur|par) .{0,30})?|partagez|imprimer|envoyer(?: par e-?mail)?",
    r"(?:s'|s’)abonner(?: .{0,40})?|abonnez-vous(?: .{0,40})?|je m(?:'|’)abonne|abonnement",
    r"(?:à )?lire (?:aussi|également|la suite|plus)(?: .{0,40})?|voir (?:aussi|plus)|en savoir plus",
    r"sur le même sujet|dans la même rubrique|les plus lus|à la une|articles? similaires?",
    r"publicité|commentaires?(?: \(\d+\))?|commenter|répondre|signaler",
    r"(?:se )?connecter|connexion|s(?:'|’)inscrire|inscription|accueil|rechercher|mentions légales",
    # Spanish / Portuguese / Italian
    r"compartir(?: en .{0,30})?|compártelo|comparte|imprimir|enviar",
    r"suscr[ií]b(?:ete|irse|ase)(?: .{0,40})?|suscripción",
    r"(?:leer|ver) m[aá]s|lee (?:también|más)|seguir leyendo|te puede interesar|también te puede interesar",
    r"noticias relacionadas|m[aá]s noticias|lo m[aá]s (?:leído|visto)|relacionad[oa]s",
    r"publicidad|comentarios?|iniciar sesión|registrarse|inicio|buscar",
    r"compartilh(?:ar|e)|partilh(?:ar|e)|assine(?: .{0,40})?|inscreva-se(?: .{0,40})?",
    r"leia (?:também|mais)(?: .{0,40})?|veja (?:também|mais)|saiba mais|not[ií]cias relacionadas|mais lidas",
    r"publicidade|coment[aá]rios?|entrar|cadastre-se|in[ií]cio",
    r"condividi(?: su .{0,30})?|iscriviti(?: .{0,40})?|abbonati(?: .{0,40})?|stampa",
    r"leggi (?:anche|di più|tutto|l'articolo)(?: .{0,40})?",
    r"potrebbe interessarti|articoli correlati|più letti",
    r"pubblicità|commenti?|accedi|registrati|cerca",
    # Indonesian
    r"bagikan|baca (?:juga|selengkapnya)(?: ?: ?.{0,60})?|berita terkait|artikel terkait|terpopuler|iklan",
    # Chinese
    r"分享(?:到)?(?:.{0,10})?|转发|收藏|打印|订阅(?:.{0,10})?|訂閱(?:.{0,10})?|关注我们|關注我們",
    r"相关(?:文章|新闻|阅读|推荐|报道)|相關(?:文章|新聞|閱讀|推薦|報導)|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀",
    r"阅读(?:全文|更多|原文)|閱讀(?:全文|更多|原文)|查看更多|更多|加载更多|展开全文",
    r"广告|廣告|评论(?:\d+)?|評論(?:\d+)?|登录|登錄|注册|註冊|首页|首頁|返回顶部|返回頂部|热门|熱門",
    r"(?:责任|責任)?(?:编辑|編輯)[:：].{0,20}|来源[:：].{0,30}|來源[:：].{0,30}",
    # Japanese
    r"シェア(?:する)?|共有|ツイート|いいね|購読(?:する)?|登録(?:する)?|フォロー(?:する)?",
    r"関連記事|関連ニュース|おすすめ(?:記事)?|続きを読む|もっと見る|すべて見る|人気記事|ランキング",
    r"広告|コメント|ログイン|会員登録|トップへ戻る|ページの先頭へ|ホーム|メニュー|検索",
    # Korean
    r"공유(?:하기)?|구독(?:하기)?|좋아요|스크랩|인쇄|프린트|관련 ?기사|관련 ?뉴스|더 ?보기|많이 본 뉴스",
    r"광고|댓글(?: ?\d+)?|로그인|회원가입|홈|메뉴|검색|기사 ?제보|맨 ?위로",
)

# Headings that open a block of links to other articles; the headline-like lines after them go too.
_RELATED_HEADINGS: tuple[str, ...] = (
    r"related(?: (?:articles?|stories|posts|content|coverage|news|links|reading|topics|videos))?",
    r"more (?:from|on|in|about|stories|news|articles|like this|to read)(?: .{0,40})?",
    r"(?:you (?:may|might) also (?:like|enjoy|be interested in)|recommended(?: for you| stories| reading)?)",
    r"(?:read|up) next|also read|see also|further reading|what to read next|don't miss|editor'?s picks",
    r"(?:most )?(?:popular|read|viewed|shared)(?: (?:stories|articles|posts|now|today|this week))?",
    r"popular posts|trending(?: now| stories)?|top stories|latest(?: news| stories| articles| posts)?",
    r"(?:читайте|смотрите) также",
    r"(?:похожие|другие|последние) (?:новости|статьи|материалы)|по теме|материалы по теме",
    r"lesen sie (?:auch|mehr)|mehr zum thema|auch interessant",
    r"das könnte sie (?:auch )?interessieren|meistgelesen",
    r"(?:à )?lire aussi|sur le même sujet|dans la même rubrique|les plus lus|voir aussi",
    r"noticias relacionadas|te puede interesar|lee también|lo m[aá]s (?:leído|visto)|m[aá]s noticias",
    r"leia também|veja também|not[ií]cias relacionadas|mais lidas",
    r"leggi anche|articoli correlati|potrebbe interessarti|più letti",
    r"baca juga|berita terkait|artikel terkait|terpopuler",
    r"相关(?:文章|新闻|阅读|推荐|报道)|相關(?:文章|新聞|閱讀|推薦|報導)|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|热门(?:文章|新闻)?",
    r"関連記事|関連ニュース|おすすめ(?:記事)?|人気記事",
    r"관련 ?기사|관련 ?뉴스|많이 본 뉴스|추천 ?기사",
)

# Anywhere in a short line: rights notices and picture credits.
_COPYRIGHT = re.compile(
    r"©|\(c\) ?\d{4}|\bcopyright\b|all rights? reserved|todos los derechos reservados|tous droits réservés"
    r"|alle rechte vorbehalten|все права защищены|tutti i diritti riservati|todos os direitos reservados"
    r"|版权所有|版權所有|無断転載|무단 ?전재|재배포 ?금지|hak cipta",
)
_CREDIT = re.compile(
    r"^(?:photo|photos|image|images|picture|pictures|credit|credits|source|illustration|graphic|video"
    r"|фото|фотография|иллюстрация|источник|foto|fotos|bild|quelle|crédit|crédito|créditos|imagem|immagine"
    r"|图片|圖片|图|圖|照片|写真|画像|사진|자료)\s*(?:[:：/=|—–-]|by\b|credit\b|courtesy\b|\)|\]|$)"
    r"|\b(?:getty images|shutterstock|istock(?:photo)?|ap photo|afp photo"
    r"|reuters/|epa(?:-efe)?/|via getty)\b",
)


# Words of a publication date or time stamp: month and weekday names (en, ru, de, fr, es, pt, it, id),
# their abbreviations, and the verbs and units around them ("Updated 5 hours ago", "Опубликовано").
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_DATE_WORDS = _word_set(
    """
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december mon tue tues wed thu thur thurs fri sat sun monday tuesday
    wednesday thursday friday saturday sunday am pm a.m p.m gmt utc est edt pst pdt cet cest bst et pt
    updated published posted modified last ago h hr hrs hour hours min mins minute minutes sec day days
    week weeks month months year years yesterday today at on by
    янв фев мар апр май мая июн июл авг сен сент окт ноя дек января февраля марта апреля июня июля
    августа сентября октября ноября декабря понедельник вторник среда среду четверг пятница пятницу
    суббота субботу воскресенье вчера сегодня обновлено опубликовано в г года назад час часа часов мин
    минут минуту
    januar februar märz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag
    samstag sonntag aktualisiert veröffentlicht am um uhr vor stunden minuten gestern heute
    janvier février mars avril juin juillet août septembre octobre novembre décembre lundi mardi
    mercredi jeudi vendredi samedi dimanche publié mis à jour le il y a heures hier aujourd'hui
    enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre
    lunes martes miércoles jueves viernes sábado domingo actualizado publicado hace horas ayer hoy de del
    janeiro fevereiro março maio junho julho setembro outubro novembro dezembro segunda terça quarta
    quinta sexta atualizado publicado em há
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre lunedì martedì mercoledì
    giovedì venerdì sabato domenica aggiornato pubblicato ore fa ieri oggi
    mei agu okt des senin selasa rabu kamis jumat sabtu minggu diperbarui wib
    el la las às alle dem den der du et
    """
)
# ... the verbs of a publication line in the other languages the stream detects (general knowledge of site
# wording, not from any test data) ...
_DATE_WORDS = _DATE_WORDS | _word_set(
    """
    gepubliceerd bijgewerkt geplaatst laatst publicerad uppdaterad senast publiceret opdateret udgivet
    publisert oppdatert julkaistu päivitetty opublikowano zaktualizowano aktualizacja publikacji dodano
    publikováno aktualizováno vydáno publikované aktualizované objavljeno posodobljeno ažurirano publicat
    actualizat közzétéve frissítve megjelent yayınlanma yayınlandı güncelleme güncellendi tarihi
    δημοσιεύθηκε ενημερώθηκε публикувано обновено актуализирано опубліковано оновлено paskelbta atnaujinta
    publicēts atjaunināts avaldatud uuendatud actualitzat cập nhật đăng lúc ngày publikuar përditësuar
    објавено ажурирано نشر تحديث آخر פורסם עודכן منتشر بروزرسانی प्रकाशित अपडेट gepubliseer bygewerk
    cyhoeddwyd diweddarwyd imechapishwa ilisasishwa
    """
)
# ... and in every language the stream detects, the month and weekday names of CLDR
# (streams/enrich/data/date_words.txt, built by scripts/build_date_words.py). Not their two-letter
# abbreviations ("to" for Danish torsdag, "do" for Dutch donderdag): words of other languages, and
# "2018 to 2019" is a heading.
_DATE_WORDS = _DATE_WORDS | frozenset(
    line
    for line in (Path(__file__).parent / "data" / "date_words.txt").read_text(encoding="utf-8").splitlines()
    if len(line) > 2 and not line.startswith("#")
)
_DATE_GLUE = _word_set("at on by in de del el la las em às le il y a à am um vor fa ore alle dem den der du et")
_DATE_SHAPE = re.compile(r"\b\d{1,2}:\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}\b")
_ANY_DIGIT = re.compile(r"\d")
_MONEY = re.compile(r"[$€£¥₩₽%]")
# a letter, or any sign of the Indic and Thai scripts (their vowel signs are combining marks, not letters)
_LETTER = r"(?:[^\W\d_]|[\u0900-\u0dff\u0e00-\u0eff])"
_DATE_TOKEN = re.compile(_LETTER + r"+(?:['’]" + _LETTER + r"+)?\.?|\d+")
_CJK_DATE = re.compile(
    r"^(?=.*[年月日时時分秒点點월일시분])[\d\s年月日时時分秒点點:：/.\-()（）星期周曜火水木金土월일시분요]+$"
)
# a machine's time stamp left in the text by a page's metadata: "2019-11-19T08:57:40+01:00"
_ISO_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?$")
_COUNT_LABEL = re.compile(
    r"^\d+(?:[.,]\d+)?[kmк]?\s*(?:shares?|comments?|views?|likes?|reads?|replies|reactions?|votes?|followers?"
    r"|retweets?|tweets?|pins?|комментари\w*|просмотр\w*|отзыв\w*|kommentare?|commentaires?|comentarios?"
    r"|coment[aá]rios?|commenti|partages?|compartidos?|compartilhamentos?|condivisioni|views|次浏览|条评论|件|댓글)$"
)
# "By Jane Doe", "Von Max Muster", "Автор: Иван Петров", "홍길동 기자": the name must start with a capital
# (or be in a script without case), so that a heading like "By the numbers" is not a byline.
_BYLINE = re.compile(
    r"^(?i:by|written by|posted by|von|par|por|от|автор|авторы|текст|作者|文|記者|记者|글"
    # Scandinavian, Dutch, Polish, Czech, Slovak, Hungarian, Finnish, Indonesian, Malay, Vietnamese, Turkish,
    # Serbian and Croatian, Romanian, Italian, Portuguese
    r"|af|av|skrevet af|skrevet av|door|autor|autorka|autorstwa|autoři|írta|szerző|teksti|kirjoittaja|oleh"
    r"|penulis|tác giả|yazan|yazar|аутор|аутори|пише|piše|napisao|napisala|testo|texto|texte)[\s:：]+"
    r"(?:[^\W\d_](?<![a-zà-öø-ÿа-яё]))"
    r"|\S\s*(?:기자|특파원|記者|记者|编辑|編輯|通讯员)(?:\s|$|[=@])"
    # a Chinese reporter and the place reported from: 記者林佳蓉／高雄報導, 记者王磊/北京报道
    r"|^(?:記者|记者)\S{2,4}\s*[／/]\s*\S{2,6}(?:報導|报道)$",
)
# Separators that join menu items on one line: "Home | World | Sport", "News • Politics".
SEPARATORS = re.compile(r"\s[|•·›»/⋅∙◦▪►▸]\s|\s[|•·]|[|•·]\s")

_EDGE_NOISE = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_SPACES = re.compile(r"\s+")

# A call to action written as a sentence, recognised by how it starts: "Like this story? Share it with
# a friend!", "Sign up for our newsletter to get ...", "Подпишитесь на наш канал ...".
_CTA_OPENINGS: tuple[str, ...] = (
    r"(?:click|tap) (?:here|the link|below)",
    r"sign up (?:for|to|now|today|here)|subscribe (?:to|now|today|here|for)|(?:join|follow) (?:us|our)",
    r"share (?:this|it|the story|the article)|like this (?:story|article|post)",
    r"(?:download|get) (?:our|the) (?:\w+ )?(?:app|newsletter)|don'?t miss (?:out|a thing|our)",
    r"(?:tell|send|email|contact) us|have a (?:news )?tip|got a (?:news )?tip|we (?:want|'d love) to hear",
    r"(?:read|see|watch|listen to) (?:more|the full|our)|(?:also|read) (?:on|at) \S+\.\w+",
    r"this (?:article|story|post) (?:was|is|has been) (?:originally )?(?:published|updated|produced)",
    r"подпи(?:шитесь|сывайтесь)|(?:читайте|смотрите) (?:также|нас)|следите за|присоединяйтесь",
    r"(?:abonnieren|folgen) sie|melden sie sich|lesen sie (?:auch|mehr)",
    r"abonnez-vous|suivez-nous|inscrivez-vous|(?:à )?lire aussi",
    r"suscr[ií]bete|s[ií]guenos|reg[ií]strate|lee también|inscreva-se|siga-nos|assine",
    r"iscriviti|seguici|abbonati|leggi anche",
    r"关注(?:我们|公众号|微信)|订阅(?:我们|本站|频道)|扫码|扫描二维码|點擊|点击(?:这里|此处|查看)|フォローして|登録して"
    r"|구독(?:하고|하세요)|팔로우",
)
# "Related: <headline>", "READ MORE: <headline>": a heading and its only link on one line.
_RELATED_PREFIX = re.compile(
    r"^(?:related|read more|more|see also|also read|read also|also on|watch|listen|recommended|editor'?s pick"
    r"|читайте также|по теме|смотрите также|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|voir aussi"
    r"|lee también|te puede interesar|leia também|veja também|leggi anche|baca juga|相关|延伸阅读|関連|관련)"
    r"\s*[:：»>|-]\s*\S"
)

# \b ends a Latin or Cyrillic word; CJK has no spaces, so there a match may end on any character
CTA_OPENING = re.compile(r"^(?:" + "|".join(_CTA_OPENINGS) + r")(?:\b|(?<=[\u3000-\uffff]))")
CTA = re.compile(r"(?:" + "|".join(_CTA_PHRASES) + r")")
RELATED_HEADING = re.compile(r"(?:" + "|".join(_RELATED_HEADINGS) + r")")


def normalise_for_patterns(line: str) -> str:
    """Lower-case and trim counts, arrows and punctuation off both ends."""
    text = unicodedata.normalize("NFKC", line).casefold()
    text = _EDGE_NOISE.sub("", text)
    return _SPACES.sub(" ", text)


def is_cta(normalised: str) -> bool:
    return bool(normalised) and CTA.fullmatch(normalised) is not None


def opens_with_cta(normalised: str) -> bool:
    return CTA_OPENING.match(normalised) is not None


def is_related_link(line: str) -> bool:
    """ "Related: Water plumes on Europa" — a related-link heading followed by its link on one line."""
    return _RELATED_PREFIX.match(unicodedata.normalize("NFKC", line.strip()).casefold()) is not None


def is_related_heading(normalised: str) -> bool:
    return bool(normalised) and RELATED_HEADING.fullmatch(normalised) is not None


def is_copyright(line: str) -> bool:
    return _COPYRIGHT.search(line.casefold()) is not None


# A picture's caption ends with its credit: "(NASA/JPL-Caltech/ASU)", "[File: Reuters]", "Credit: ESA",
# "Credit... Doug Mills/The Times", "Foto: dpa", "Leonhard Foeger / Reuters file". Words for "photo" and
# "credit" in the languages the stream detects most; the slash between a photographer and an agency is
# the same everywhere.
_CREDIT_WORDS = (
    r"photo|photos|image|picture|credit|credits|file|courtesy|illustration|foto|fotos|fot|bild|bilder|"
    r"crédit|crédito|imagem|immagine|zdjęcie|fotografie|kuva|billede|fotó|фото|снимка|світлина|зображення|"
    r"图片|圖片|照片|写真|画像|사진|resim|görsel|ảnh|φωτογραφία|圖|图"
)
_CAPTION_CREDIT = re.compile(
    # (A/B), [File: X], （圖／X提供）
    r"(?:[(\[（]\s*(?:[^()\[\]（）]*[/／][^()\[\]（）]*|(?:" + _CREDIT_WORDS + r")\b[^()\[\]（）]*)[)\]）]"
    # Credit: X, Credit... X; an initial's full stop inside the credit ("Фото: Гласник / Н. Илић")
    r"|\b(?:" + _CREDIT_WORDS + r")\s*(?::|\.{2,}|…)\s*[^\s.:](?:\b\w\.|[^.!?:]){0,60}"
    r"|[.!?]\s+(?:[^\W\d_][\w.'’-]*\s){1,3}/\s*[^\W\d_][^.!?/]{1,40}(?:/[^.!?/]{1,40})?)"  # Jane Doe / Agency
    r"\s*$",
    re.IGNORECASE,
)
CAPTION_MAX_UNITS = 60
CAPTION_MIN_WORDS = 3  # a caption says what the picture shows before its credit


def is_caption(line: str) -> bool:
    """A picture's caption: ends with a credit in brackets with a slash or a credit word, or after one.

    The credit starts with a capital (or a script without case): "(and/or signed)" is the sentence's own.
    A credit standing alone ("[Photo: X]") is left to the credit rule of short lines and to position.
    """
    tail = line[-120:]
    if not (tail.rstrip().endswith((")", "]", "）")) or "/" in tail or "／" in tail or ":" in tail or "…" in tail
            or ".." in tail):
        return False  # what every credit form needs: checked first, the regex costs 10 µs a line
    found = _CAPTION_CREDIT.search(tail)
    if found is None:
        return False
    before = line[: len(line) - len(tail) + found.start()]
    # words, or for Chinese and Japanese (no spaces) two characters a word
    if max(len(before.split()), len(CJK_CHARS.findall(before)) // 2) < CAPTION_MIN_WORDS:
        return False
    first = next((ch for ch in found.group() if ch.isalpha()), "")
    return first.isupper() or first.lower() == first.upper()


def is_credit(line: str) -> bool:
    return _CREDIT.search(line.strip().casefold()) is not None


# "Image 1 of 13", "1 / 13", "Foto 3 von 8", "Страница 2 из 5": where a gallery or a paginated list is.
_POSITION_COUNTER = re.compile(
    r"^(?:[^\W\d_]+\s+)?\d{1,3}\s*(?:/|of|из|з|von|de|di|z|ze|sur|van|av|af|od|från|daripada|dari)\s*\d{1,3}$",
    re.IGNORECASE,
)


def is_position_counter(line: str) -> bool:
    """A gallery's or a list's "N of M" (a score is written "3-1", a fraction in a recipe "1/2 cup").

    A tally standing alone on a line ("Won 12 of 30") looks the same and goes too: rare in articles,
    where a tally sits in a sentence.
    """
    found = _POSITION_COUNTER.match(line.strip())
    if found is None:
        return False
    first, last = (int(n) for n in re.findall(r"\d+", line)[-2:])
    return 0 < first <= last


def is_count_label(line: str) -> bool:
    """ "0 shares", "12 comments", "1.2k views": a counter of a share bar, not "2 eggs" in a recipe."""
    return _COUNT_LABEL.match(line.strip().casefold()) is not None


def is_dateline(line: str) -> bool:
    """A line that is only a date or time stamp: "Nov 18, 2019 5:47 PM", "Updated 3 hours ago",
    "20 ноября 2019, 05:47", "2019年11月20日 05:47". Needs a digit, or a relative-time word pair."""
    if _ANY_DIGIT.search(line) is None:
        return False
    text = line.strip().casefold()
    if _CJK_DATE.match(text) or _ISO_TIMESTAMP.match(text):
        return True
    if _MONEY.search(text):
        return False
    tokens = _DATE_TOKEN.findall(text)
    words = [t.rstrip(".") for t in tokens if not t.isdigit()]
    if not all(w in _DATE_WORDS for w in words):
        return False
    # a date word that is more than glue ("at", "de"), or digits shaped like a date, a time or a year
    return any(w not in _DATE_GLUE for w in words) or _DATE_SHAPE.search(text) is not None


_YEAR_OR_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b|\b(?:19|20)\d{2}\b")
SIGNED_NAME_WORDS = 3


def is_signed_timestamp(line: str) -> bool:
    """A name, then a date with its year or a time: "Cherie Long August 17, 2019 - 2:19 pm", "Admin 12.03.2021".

    How a comment is headed and how a byline with its date is printed; a dateline opening an article
    ("LONDON, March 4") has neither a year nor a name in title case.
    """
    words = line.split()
    if len(words) < 2 or _YEAR_OR_CLOCK.search(line) is None:
        return False
    for k in range(1, min(SIGNED_NAME_WORDS, len(words) - 1) + 1):
        name = words[:k]
        if not all(w[:1].isupper() and not w.isupper() and w.isalpha() for w in name):
            return False
        if any(w.casefold().rstrip(".") in _DATE_WORDS for w in name):
            return False
        if is_dateline(" ".join(words[k:])):
            return True
    return False


# What a sign-up box says: the newsletter, the inbox, the e-mail it sends, unsubscribing. The same words
# stand in news about newsletters, so they are only read after the article (see boilerplate_layout).
# Substrings of the case-folded line (one pass of ``in`` each: a regex alternation of them cost 40 µs a line).
PITCH_WORDS = (
    "newsletter", "inbox", "unsubscribe", "sign up", "signing up", "subscrib", "e-mail updates", "email updates",
    "delivered to your", "nieuwsbrief", "nyhetsbrev", "nyhedsbrev", "uutiskirje", "hírlevél", "zpravodaj",
    "biuletyn", "bülten", "buletin", "bollettino", "boletín", "boletim", "infolettre", "postfach",
    "boîte de réception", "bandeja de entrada", "caixa de entrada", "abonnier", "abonnez", "abonneer",
    "inscrivez", "suscrib", "suscríb", "assine", "inscreva", "iscriviti", "zapisz się", "prenumer", "рассылк",
    "подпиш", "розсилк", "підпиш", "订阅", "訂閱", "电子报", "電子報", "メルマガ", "ニュースレター", "뉴스레터", "구독",
)
PITCH_MAX_UNITS = 40


def is_pitch(line: str) -> bool:
    """Words of a newsletter or subscription box ("Get the day's top headlines delivered to your inbox")."""
    folded = line.casefold()
    return any(word in folded for word in PITCH_WORDS)


def is_byline(line: str) -> bool:
    return _BYLINE.search(line.strip()) is not None


# Lines that close an article: what follows them is the page's, not the story's.
_RIGHTS = re.compile(
    r"all rights? reserved|todos los derechos reservados|tous droits réservés|alle rechte vorbehalten"
    r"|все права защищены|tutti i diritti riservati|todos os direitos reservados|版权所有|版權所有|無断転載"
    r"|무단 ?전재|재배포 ?금지|(?:©|\(c\)|copyright)\s*(?:\d{4}|\w+\s+\d{4})",
)
_END_LABEL = re.compile(
    r"(?:tags?|topics?|filed under|categories|posted in|leave a (?:comment|reply)|comments?|\d+ comments?)"
)


def is_end_marker(line: str, normalised: str, units: float) -> bool:
    """A rights notice, a tags row, the comments heading: the article is over when one comes.

    Not a "Related" or "Share" label: those also stand inside articles, between two parts of them.
    """
    if units <= 30 and _RIGHTS.search(line.casefold()):
        return True
    head = normalised.split(":", 1)[0].strip()
    return units <= 12 and _END_LABEL.fullmatch(head) is not None
