"""Report files in the formats researchers hold, written by the tests from a plain-text report:
a government portal's web page, a Word document, a PDF (one or two columns, the bundled CJK font),
a scan-like PDF and a PDF whose font has no ToUnicode map, and a text in Traditional characters."""

from __future__ import annotations

import html
import unicodedata
from pathlib import Path

#: A portal page around the report: CMS header, breadcrumbs, information table, print/close
#: links, share bar, related news and footer, as *.gov.cn article pages have them.
PORTAL = """<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{title}_某某区人民政府门户网站</title>
<meta name="ArticleTitle" content="{title}">
<meta name="PubDate" content="2014-02-08 09:30">
<meta property="og:url" content="http://www.example.gov.cn/art/2014/2/8/art_1_2.html">
<link rel="canonical" href="http://www.example.gov.cn/art/2014/2/8/art_1.html">
<script>var _hmt = _hmt || []; document.write("统计代码");</script>
<style>.nav {{ color: red; }}</style>
</head><body>
<div class="top"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a> | <a href="/hdjl/">互动交流</a></div>
<div class="nav"><ul><li><a>走进某某</a></li><li><a>新闻中心</a></li><li><a>政务公开</a></li></ul></div>
<div class="position">您的位置:<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a>政府工作报告</a></div>
<table class="xxgk_table"><tr><td>信息索引号:</td><td>002489123/2014-00021</td><td>发布机构:</td><td>区政府办公室</td></tr>
<tr><td>发文日期:</td><td>2014-02-08</td><td>主题分类:</td><td>综合政务</td></tr></table>
<div class="article">
<h1>{title}</h1>
<div class="info">发布时间:2014-02-08 信息来源:区政府办公室 浏览次数:2381 【字体:大 中 小】</div>
<div id="zoom" class="TRS_Editor">
{body}
</div>
<div class="tools">【打印本页】 【关闭窗口】</div>
<div class="share">分享到: 微信 微博 QQ空间</div>
</div>
<div class="related"><h3>相关新闻</h3><ul>
<li><a href="/a/1.html">区政府召开第十二次常务会议</a> 2014-02-07</li>
<li><a href="/a/2.html">我区召开安全生产工作会议部署节后复工工作</a> 2014-02-06</li>
</ul></div>
<div class="footer"><p>主办单位:某某区人民政府办公室 承办:某某区信息中心</p>
<p>网站标识码:3301040001 浙ICP备05001234号 浙公网安备 33010402000123号</p></div>
</body></html>
"""


#: An older CMS page laid out in tables: banner, menu and side menu in cells, the report in a
#: ``<td class="bt_content">`` as lines between ``<br>`` inside a ``<font>``, the title in a cell.
TABLE_LAYOUT = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{title}</title></head>
<body><table width="1000" align="center"><tr><td><img src="banner.jpg"></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a>机构概况</a> | <a>政务公开</a> | <a>公众参与</a></td></tr></table>
<table width="1000" align="center"><tr><td width="200" valign="top" class="left">
<table><tr><td><a>政府信息公开指南</a></td></tr><tr><td><a>政府信息公开目录</a></td></tr><tr><td><a>依申请公开</a></td></tr></table></td>
<td width="800" valign="top"><table width="100%"><tr><td class="position">当前位置:<a>首页</a>&gt;&gt;<a>政务公开</a></td></tr>
<tr><td class="title" align="center"><font size="4"><b>{title}</b></font></td></tr>
<tr><td align="center">时间:2014-02-08 来源:区府办 【字体:大 中 小】</td></tr>
<tr><td class="bt_content"><font style="font-size:14px">{body}</font></td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr>
</table></td></tr></table>
<table width="1000" align="center"><tr><td class="foot">版权所有:某某区人民政府 地址:某某路1号 电话:0571-12345678<br>浙ICP备05001234号</td></tr></table>
</body></html>"""

#: A central-government portal page: the report as ``<p><span>`` paragraphs in a
#: ``div.pages_content``, the publication time and URL in CMS metas.
GOVCN = """<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}_政府工作报告_中国政府网</title>
<meta name="keywords" content="政府工作报告"><meta name="firstpublishedtime" content="2014-02-08-09:30:00">
<meta name="url" content="https://www.gov.cn/guowuyuan/2014-02/08/content_1.htm"></head><body>
<div class="header"><div class="nav"><ul><li><a>首页</a></li><li><a>总理</a></li><li><a>新闻</a></li><li><a>政策</a></li></ul></div></div>
<div class="BreadcrumbNav"><a>首页</a> &gt; <a>国务院</a> &gt; <a>政府工作报告</a></div>
<div class="article oneColumn pub_border"><h1 id="ti">{title}</h1>
<div class="pages-date">2014-02-08 09:30 来源: 新华社 <span class="font">【字体:<a>大</a> <a>中</a> <a>小</a>】</span><span class="print">打印</span></div>
<div class="pages_content" id="UCAP-CONTENT">{body}</div>
<div class="editor">责任编辑: 张三</div>
<div class="share"><span>扫一扫在手机打开当前页</span></div></div>
<div class="relevant"><h3>相关稿件</h3><ul><li><a>国务院常务会议部署推进有效投资</a></li></ul></div>
<div class="footer"><p>主办单位:某某区人民政府办公室 运行维护单位:某某区信息中心</p><p>版权所有 ©中国政府网 | 京ICP备05070218号</p></div>
</body></html>"""


def _paragraph_html(line: str, k: int) -> str:
    """A report line as CMS editors write it: entities for quotes and spaces, some paragraphs
    holding two lines joined by ``<br>``, an entity broken across source lines."""
    escaped = html.escape(line, quote=False).replace("“", "&ldquo;").replace("”", "&rdquo;")
    if k == 3 and "&ldquo;" in escaped:  # an entity broken across lines, as some CMS exports wrap them
        escaped = escaped.replace("&ldquo;", "&ld\nquo;", 1)
    return f'<p style="text-indent:2em;">{escaped}&nbsp;</p>'


def to_html(text: str, path: Path, charset: str = "utf-8", encoding: str | None = None,
            pages: int = 1) -> list[Path]:
    """``text`` as a portal page (its first line the ``<h1>`` title), in ``encoding`` (default:
    the declared ``charset``), split into ``pages`` files (index.html, index_1.html, …); see
    :func:`to_html_layout` for other page layouts."""
    first, *lines = text.splitlines()
    lines = [line for line in lines if line.strip()]
    size = -(-len(lines) // pages)
    paths = []
    for n in range(pages):
        chunk = lines[n * size : (n + 1) * size]
        body = "\n".join(_paragraph_html(line, k) for k, line in enumerate(chunk, n * size))
        page = PORTAL.format(charset=charset, title=html.escape(first), body=body)
        target = path if n == 0 else path.with_name(f"{path.stem}_{n}{path.suffix}")
        target.write_bytes(page.encode(encoding or charset, "xmlcharrefreplace"))  # as GBK pages write &#160;
        paths.append(target)
    return paths


def to_html_layout(text: str, path: Path, layout: str) -> Path:
    """``text`` as a page of another layout: ``table`` (:data:`TABLE_LAYOUT`, GB2312) or ``govcn``
    (:data:`GOVCN`, UTF-8)."""
    first, *lines = [line for line in text.splitlines() if line.strip()]
    if layout == "table":
        body = "<br>\n".join("&nbsp;&nbsp;&nbsp;&nbsp;" + html.escape(line, quote=False) for line in lines)
        page, encoding = TABLE_LAYOUT.format(title=html.escape(first), body=body), "gb18030"
    else:
        body = "\n".join(f'<p style="text-indent: 2em; font-family: 宋体;"><span>{html.escape(line, quote=False)}</span></p>'
                         for line in lines)
        page, encoding = GOVCN.format(title=html.escape(first), body=body), "utf-8"
    path.write_bytes(page.encode(encoding, "xmlcharrefreplace"))
    return path


def to_docx(text: str, path: Path, table: list[list[str]] | None = None) -> Path:
    """A Word document of ``text``: its first line a heading, every other line a paragraph."""
    import docx

    document = docx.Document()
    first, *rest = text.splitlines()
    document.add_heading(first, level=1)
    for line in rest:
        document.add_paragraph(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                grid.cell(i, j).text = cell
    document.save(path)
    return path


def to_traditional(text: str) -> str:
    """``text`` in Traditional characters (OpenCC s2t), with the corner brackets of Traditional
    typesetting for quotation marks."""
    import opencc

    return opencc.OpenCC("s2t").convert(text).translate(str.maketrans("“”‘’", "「」『』"))


def _em_width(c: str) -> float:
    return 1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55


def _wrap(paragraph: str, ems: float) -> list[str]:
    lines, line, width = [], "", 0.0
    for c in paragraph:
        if width + _em_width(c) > ems and line:
            lines.append(line)
            line, width = "", 0.0
        line += c
        width += _em_width(c)
    return lines + [line] if line else lines


def to_pdf(text: str, path: Path, columns: int = 1, running_head: str = "某某区年鉴·2014") -> Path:
    """``text`` typeset on A4 pages in one or two columns with the bundled CJK font (embedded,
    with its ToUnicode map), a running head and a page number on every page."""
    import matplotlib
    import matplotlib.pyplot as plt
    from matplotlib import font_manager
    from matplotlib.backends.backend_pdf import PdfPages

    from reportlib.paths import resource

    font = str(resource("fonts/WenQuanYiMicroHei.ttf"))
    font_manager.fontManager.addfont(font)
    family = font_manager.FontProperties(fname=font).get_name()
    ems = 40 if columns == 1 else 19
    lines = [line for paragraph in text.splitlines() if paragraph.strip() for line in _wrap(paragraph, ems)]
    per_column = 46
    # matplotlib's defaults (whatever style other code set), whole A4 pages (no tight bounding box)
    with plt.style.context("default"), matplotlib.rc_context({"font.family": family, "pdf.fonttype": 42}), \
            PdfPages(path) as pdf:
        k, page = 0, 1
        while k < len(lines):
            figure = plt.figure(figsize=(8.27, 11.69), layout="none")
            figure.text(0.5, 0.97, running_head, ha="center", fontsize=8)
            for column in range(columns):
                for i, line in enumerate(lines[k : k + per_column]):
                    figure.text(0.07 + column * 0.46, 0.93 - i * 0.019, line, fontsize=10)
                k += per_column
            figure.text(0.5, 0.03, f"- {page} -", ha="center", fontsize=8)
            pdf.savefig(figure)
            plt.close(figure)
            page += 1
    return path


def to_scanned_pdf(path: Path) -> Path:
    """A PDF page that is only an image, as a scanner writes it."""
    import matplotlib.pyplot as plt
    import numpy as np

    figure = plt.figure(figsize=(8.27, 11.69), layout="none")
    axes = figure.add_axes([0, 0, 1, 1])
    axes.imshow(np.random.default_rng(0).random((60, 40)), cmap="gray")
    axes.axis("off")
    figure.savefig(path, format="pdf")
    plt.close(figure)
    return path


def without_tounicode(pdf: Path, path: Path) -> Path:
    """``pdf`` with its fonts' ToUnicode maps disabled (the key renamed, offsets unchanged), as in
    government PDFs set with GBK-EUC fonts: its text extracts as ``(cid:N)`` codes."""
    data = pdf.read_bytes()
    assert b"/ToUnicode" in data
    path.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))
    return path
