<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjudicationView</name>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="137"/>
        <location filename="../../src/reader/ui/team/adjudication.py" line="318"/>
        <source>Auto-merge agreed spans</source>
        <translation>自动合并一致的标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="139"/>
        <source>Write into gold every span all annotators marked with the same tag</source>
        <translation>把所有标注人以相同标签标出的片段全部写入金标准</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="142"/>
        <source>Reject (R)</source>
        <translation>否决 (R)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="144"/>
        <source>Gold = selection (E)</source>
        <translation>以选区为金标准 (E)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="146"/>
        <source>Write gold over the passage selected in the text, with this tag</source>
        <translation>把正文中选中的段落以此标签写入金标准</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="166"/>
        <source>1–9: take that annotator&apos;s version · R or Delete: reject · E: selection</source>
        <translation>1–9：采用该标注人的版本 · R 或删除键：否决 · E：采用选区</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="226"/>
        <source>Key %1: take %2&apos;s version</source>
        <translation>按键 %1：采用 %2 的版本</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/adjudication.py" line="253"/>
        <source>%n disagreement(s) left</source>
        <translation>
            <numerusform>还剩 %n 处分歧</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="255"/>
        <source>No disagreements left in this article.</source>
        <translation>本文已没有分歧。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="322"/>
        <source>No agreed spans left to merge.</source>
        <translation>没有可合并的一致标注了。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="339"/>
        <source>Take %1&apos;s version</source>
        <translation>采用 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="344"/>
        <source>Reject “%1”</source>
        <translation>否决“%1”</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="351"/>
        <source>Select the gold passage in the text first.</source>
        <translation>请先在正文中选中作为金标准的段落。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="355"/>
        <source>Gold “%1”</source>
        <translation>金标准“%1”</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="66"/>
        <source>Cohen&apos;s κ (characters)</source>
        <translation>Cohen κ（按字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="67"/>
        <source>Exact span F1</source>
        <translation>精确片段 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="68"/>
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="69"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="78"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="92"/>
        <source>Click a pair to see its scores per tag</source>
        <translation>点击一对标注人，查看各标签的得分</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="107"/>
        <source>Double-click or press Enter to open the passage</source>
        <translation>双击或按 Enter 打开该段落</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="113"/>
        <source>Annotations changed since: Recompute to update.</source>
        <translation>此后批注有变：点“重新计算”更新。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="123"/>
        <source>Measure:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="131"/>
        <source>Pairs of annotators</source>
        <translation>标注人两两对比</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="163"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="172"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/agreement_view.py" line="192"/>
        <source>%n annotator(s), %1</source>
        <translation>
            <numerusform>%n 位标注人，%1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/agreement_view.py" line="193"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/agreement_view.py" line="223"/>
        <source>%1 and %2, %n article(s)</source>
        <translation>
            <numerusform>%1 与 %2，共 %n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="197"/>
        <source>Disagreements: %1</source>
        <translation>分歧：%1 处</translation>
    </message>
</context>
<context>
    <name>AnnotateUi</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="146"/>
        <source>Bind key %1</source>
        <translation>绑定按键 %1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="147"/>
        <source>No tag is bound to the key %1. Tag to bind to it:</source>
        <translation>按键 %1 还没有绑定标签。要绑定的标签：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="155"/>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="168"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="155"/>
        <source>Tag (type to create a new one):</source>
        <translation>标签（输入新名称即可新建）：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="162"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="174"/>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="175"/>
        <source>Add note…</source>
        <translation>添加批注…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="176"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="187"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="128"/>
        <source>Orphaned: its passage is gone. Select a new one and use “Re-attach”.</source>
        <translation>已失去锚点：原文段落已不存在。请选中新的段落，再点“重新挂接”。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="130"/>
        <source>Moved when the text changed.</source>
        <translation>文本变化后已移动位置。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="154"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="155"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="156"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="157"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="158"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="159"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="160"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="100"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="105"/>
        <source>Filter text</source>
        <translation>筛选文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="108"/>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="108"/>
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="147"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="148"/>
        <source>Retag…</source>
        <translation>重设标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="149"/>
        <source>Re-attach</source>
        <translation>重新挂接</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="179"/>
        <source>Re-attach to selection</source>
        <translation>重新挂接到选区</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="156"/>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="215"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="110"/>
        <source>No annotations in this article yet — select text and press 1–9 or H.</source>
        <translation>这篇文章还没有批注——选中文字后按 1–9 或 H。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="157"/>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="219"/>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="158"/>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="224"/>
        <source>All annotators</source>
        <translation>全部标注人</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="170"/>
        <source>Undone here: %1</source>
        <translation>已在此撤销：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="170"/>
        <source>Redone here: %1</source>
        <translation>已在此重做：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="182"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="184"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="191"/>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="198"/>
        <source>Tag “%1”</source>
        <translation>标记“%1”</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="217"/>
        <source>Key point: a passage that matters</source>
        <translation>重点：值得注意的段落</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="218"/>
        <source>Person: a person named or quoted</source>
        <translation>人物：文中提到或引用的人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="219"/>
        <source>Figure: a number, date or statistic</source>
        <translation>数据：数字、日期或统计</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="220"/>
        <source>Question: unclear, or to ask about</source>
        <translation>存疑：不清楚，或需要询问</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="221"/>
        <source>To check: a fact to verify</source>
        <translation>待核实：需要核实的事实</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="232"/>
        <source>Starter tags added: %1</source>
        <translation>已添加初始标签：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="248"/>
        <source>“%1” moved from key %2 to key %3; key %2 is free.</source>
        <translation>“%1”已从按键 %2 改到按键 %3；按键 %2 已空出。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="259"/>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="265"/>
        <source>Edit note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="310"/>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="341"/>
        <source>Edit annotation</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="345"/>
        <source>Retag</source>
        <translation>重设标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="364"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/annotate/annotator.py" line="378"/>
        <source>%n article(s) set to “%1”.</source>
        <translation>
            <numerusform>已将 %n 篇文章设为“%1”。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="388"/>
        <source>Set review status</source>
        <translation>设置审阅状态</translation>
    </message>
</context>
<context>
    <name>ChartsDialog</name>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="72"/>
        <location filename="../../src/reader/ui/team/charts.py" line="101"/>
        <source>Team charts</source>
        <translation>团队图表</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="75"/>
        <source>Drawing the charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="85"/>
        <source>Tags per annotator</source>
        <translation>各标注人的标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="86"/>
        <source>Review progress per source</source>
        <translation>各来源的审阅进度</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="87"/>
        <source>Annotations over time</source>
        <translation>标注随时间的变化</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="88"/>
        <source>Agreement (κ)</source>
        <translation>一致性（κ）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/charts.py" line="94"/>
        <source>Team report</source>
        <translation>团队报告</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="6"/>
        <source>%1 writes a folder of files: give it with -o FOLDER</source>
        <translation>%1 会写出一个文件夹的文件：请用 -o FOLDER 指定文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="7"/>
        <source>%1 writes one file, not a folder</source>
        <translation>%1 只写出一个文件，不是文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="8"/>
        <source>unknown format “%1”; choose one of %2</source>
        <translation>未知的格式“%1”，请从以下格式中选择：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="9"/>
        <source>--full-text is not available for %1; formats that write the whole text: %2</source>
        <translation>%1 不支持 --full-text；能写出全文的格式有：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="12"/>
        <source>%1 is a file; %2 writes into a folder</source>
        <translation>%1 是文件；%2 要写入文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="13"/>
        <source>%1 ends in %2, but a %3 file is not one: name it %4, or choose a format that writes %5</source>
        <translation>%1 的后缀是 %2，但 %3 文件不是这种文件：请改名为 %4，或选择能写出 %5 的格式</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="17"/>
        <source>%1 ends in %2, but %3 writes a folder of files, not one file: give a folder name (e.g. %4)</source>
        <translation>%1 以 %2 结尾，但 %3 写出的是一个文件夹，不是一个文件：请给出文件夹名（例如 %4）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="21"/>
        <source>%1 exists (%2 notes would be replaced); choose another folder or allow overwriting</source>
        <translation>%1 已存在（会替换 %2 篇笔记）；请换一个文件夹，或允许覆盖</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="25"/>
        <source>cannot make %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="26"/>
        <source>%1 exists; choose another name or allow overwriting</source>
        <translation>%1 已存在，请换一个名称，或允许覆盖</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="27"/>
        <source>%1 is not a regular file; choose another name</source>
        <translation>%1 不是普通文件，请换一个名称</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="28"/>
        <source>cannot write in %1: %2</source>
        <translation>无法在 %1 中写入：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="29"/>
        <source>%1 exists and is not a folder; this format writes a folder</source>
        <translation>%1 已存在且不是文件夹；这种格式要写出一个文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="30"/>
        <source>%1 holds other files (%2, …); choose an empty or new folder</source>
        <translation>%1 中已有其他文件（%2 等）；请选择一个空文件夹或新文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="33"/>
        <source>%1: line %2: not a Reader annotation (&quot;type&quot; must be &quot;%3&quot;)</source>
        <translation>%1：第 %2 行：不是 Reader 标注（&quot;type&quot; 必须是 &quot;%3&quot;）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="34"/>
        <source>%1: no annotations in it</source>
        <translation>%1：其中没有标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="35"/>
        <source>%1: not UTF-8 text (a bad byte at offset %2)</source>
        <translation>%1：不是 UTF-8 文本（偏移量 %2 处有无效字节）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="36"/>
        <source>%1: not a regular file</source>
        <translation>%1：不是普通文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="37"/>
        <source>%1: too big for a notes file (%2 bytes; at most %3)</source>
        <translation>%1：作为批注文件太大（%2 字节，最多 %3 字节）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="38"/>
        <source>%1: line %2: not valid JSON (%3)</source>
        <translation>%1：第 %2 行：不是有效的 JSON（%3）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="39"/>
        <source>%1: nested too deeply to be a note</source>
        <translation>%1：嵌套层级太深，不可能是批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="40"/>
        <source>%1: holds a number Reader cannot take (%2)</source>
        <translation>%1：含有 Reader 无法处理的数字（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="41"/>
        <source>%1: not a W3C AnnotationCollection: %2</source>
        <translation>%1：不是 W3C AnnotationCollection：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="42"/>
        <source>%1: field &apos;target.selector&apos; needs a TextQuoteSelector and a TextPositionSelector</source>
        <translation>%1：字段 &apos;target.selector&apos; 需要一个 TextQuoteSelector 和一个 TextPositionSelector</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="46"/>
        <source>%1: field &apos;%2&apos; must not be before &apos;%3&apos;</source>
        <translation>%1：字段 &apos;%2&apos; 不能在 &apos;%3&apos; 之前</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="47"/>
        <source>no article with this text or title</source>
        <translation>没有正文或标题与之相符的文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="48"/>
        <source>offsets %1-%2 lie past the end of the article (%3 characters)</source>
        <translation>偏移量 %1-%2 超出了文章末尾（文章共 %3 个字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="51"/>
        <source>already in the library</source>
        <translation>文库中已有这条批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="52"/>
        <source>the library&apos;s copy is as new or newer</source>
        <translation>文库中的版本同样新或更新</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="53"/>
        <source>%1: offsets %2-%3 do not fit the text (%4 characters)</source>
        <translation>%1：偏移量 %2-%3 超出了正文范围（正文共 %4 个字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="54"/>
        <source>%1: field &apos;%2&apos; is missing</source>
        <translation>%1：缺少字段 &apos;%2&apos;</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="55"/>
        <source>%1: field &apos;%2&apos; must be %3</source>
        <translation>%1：字段 &apos;%2&apos; 必须是%3</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="56"/>
        <source>%1: %2 is too big to read</source>
        <translation>%1：%2 太大，无法读取</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="57"/>
        <source>%1: %2 is not valid XML (%3)</source>
        <translation>%1：%2 不是有效的 XML（%3）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="58"/>
        <source>%1: not a Word (.docx) file</source>
        <translation>%1：不是 Word（.docx）文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="59"/>
        <source>%1: no comments on any text in it</source>
        <translation>%1：其中没有附在文字上的批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="60"/>
        <source>%1: cannot read the folder (%2)</source>
        <translation>%1：无法读取该文件夹（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="61"/>
        <source>%1: too many files to be one export</source>
        <translation>%1：文件太多，不像是一次导出的结果</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="62"/>
        <source>%1: not a regular file, nor a folder of brat (.ann) or XMI files; give a notes file or such a folder</source>
        <translation>%1：既不是普通文件，也不是装有 brat（.ann）或 XMI 文件的文件夹；请提供批注文件或这样的文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="67"/>
        <source>%1 is a folder; give a file name</source>
        <translation>%1 是文件夹，请给出文件名</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="68"/>
        <source>%1 is a symbolic link; Reader does not replace links: give the path of the file it points to, or another name</source>
        <translation>%1 是符号链接；Reader 不会替换链接：请给出它所指向的文件的路径，或换一个名称</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="73"/>
        <source>%1 is not a Reader export (%2); --force replaces only a folder Reader wrote, never files of your own: choose an empty or new folder</source>
        <translation>%1 不是 Reader 导出的文件夹（%2）；--force 只替换 Reader 写出的文件夹，绝不替换你自己的文件：请选择一个空文件夹或新文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="78"/>
        <source>%1: field &apos;target.selector&apos; needs a TextQuoteSelector</source>
        <translation>%1：字段 &apos;target.selector&apos; 需要一个 TextQuoteSelector</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="80"/>
        <source>%1: field &apos;%2&apos; must be text</source>
        <translation>%1：字段 &apos;%2&apos; 必须是文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="81"/>
        <source>%1: field &apos;selector&apos; must be a list</source>
        <translation>%1：字段 &apos;selector&apos; 必须是列表</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="82"/>
        <source>%1: field &apos;tags&apos; must be a list of text</source>
        <translation>%1：字段 &apos;tags&apos; 必须是文本列表</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="83"/>
        <source>%1: field &apos;target&apos; must be a list of targets</source>
        <translation>%1：字段 &apos;target&apos; 必须是目标列表</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="84"/>
        <source>%1: its TextQuoteSelector has no &apos;exact&apos; text</source>
        <translation>%1：其 TextQuoteSelector 没有 &apos;exact&apos; 文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="85"/>
        <source>%1: no annotations on a passage in it</source>
        <translation>%1：其中没有标在段落上的标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/exchange.py" line="86"/>
        <source>%1: not an annotation (a JSON object)</source>
        <translation>%1：不是一条标注（应为 JSON 对象）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="6"/>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="7"/>
        <source>it starts with a %1 mark but is not valid %2</source>
        <translation>文件以 %1 标记开头，内容却不是有效的 %2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="8"/>
        <source>it looks like a binary file, not text</source>
        <translation>这看起来是二进制文件，不是文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="9"/>
        <source>its text encoding is not one Reader knows (UTF-8, GB18030, Big5)</source>
        <translation>无法识别它的文本编码（Reader 支持 UTF-8、GB18030 和 Big5）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="12"/>
        <source>the file holds no text</source>
        <translation>文件里没有文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="13"/>
        <source>too large (%1 MB; the limit is %2 MB)</source>
        <translation>文件太大（%1 MB，上限为 %2 MB）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="14"/>
        <source>too large (over the limit of %1 MB while reading)</source>
        <translation>文件太大（读取时超过了 %1 MB 的上限）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="15"/>
        <source>not a usable path (it holds a NUL character)</source>
        <translation>路径无法使用（其中含有 NUL 字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="16"/>
        <source>it is %1, not a regular file</source>
        <translation>这是%1，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="17"/>
        <source>not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="18"/>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="19"/>
        <source>no such file or folder (a part of the path is not a folder)</source>
        <translation>没有这个文件或文件夹（路径中有一段不是文件夹）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="22"/>
        <source>permission denied</source>
        <translation>没有访问权限</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="23"/>
        <source>the path is too long for this system</source>
        <translation>路径太长，本系统无法处理</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="24"/>
        <source>too many levels of symbolic links</source>
        <translation>符号链接的层级太多</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="25"/>
        <source>it is a folder</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="26"/>
        <source>an input/output error while reading it</source>
        <translation>读取时发生输入/输出错误</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="27"/>
        <source>folder not read: %1</source>
        <translation>未能读取文件夹：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="28"/>
        <source>internal error while reading this file; details in the log</source>
        <translation>读取此文件时发生内部错误，详情见日志</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="29"/>
        <source>not enough memory to read this file</source>
        <translation>内存不足，无法读取此文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="30"/>
        <source>Reader&apos;s resources folder is missing; reinstall Reader</source>
        <translation>找不到 Reader 的资源文件夹，请重新安装 Reader</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/files.py" line="31"/>
        <source>open a library first</source>
        <translation>请先打开一个文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="6"/>
        <source>%1 is a folder, not a library file</source>
        <translation>%1 是文件夹，不是文库文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="7"/>
        <source>%1: permission denied</source>
        <translation>%1：没有访问权限</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="8"/>
        <source>%1 is not a Reader library (not a SQLite database)</source>
        <translation>%1 不是 Reader 文库（不是 SQLite 数据库）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="9"/>
        <source>no library at %1</source>
        <translation>%1 处没有文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="10"/>
        <source>cannot create a library at %1: %2</source>
        <translation>无法在 %1 创建文库：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="11"/>
        <source>cannot create a library at %1: the folder is read-only</source>
        <translation>无法在 %1 创建文库：文件夹是只读的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="12"/>
        <source>%1 is a SQLite database, but not a Reader library</source>
        <translation>%1 是 SQLite 数据库，但不是 Reader 文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="13"/>
        <source>%1 was written by a newer version of Reader; update Reader to open it</source>
        <translation>%1 由更新版本的 Reader 写入，请先升级 Reader 再打开</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="16"/>
        <source>%1: cannot switch the library to WAL mode</source>
        <translation>%1：无法把文库切换到 WAL 模式</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="17"/>
        <source>cannot use %1: %2</source>
        <translation>无法使用 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="18"/>
        <source>%1: cannot upgrade inside a transaction</source>
        <translation>%1：无法在事务中升级</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="19"/>
        <source>%1: cannot upgrade: its table %2 has columns this Reader does not know (%3); the library was left as it was</source>
        <translation>%1：无法升级：表 %2 中有此版本 Reader 不认识的列（%3）；文库保持原样</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="24"/>
        <source>%1: cannot upgrade: its table %2 would lose rows; the library was left as it was</source>
        <translation>%1：无法升级：表 %2 会丢失数据行；文库保持原样</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="28"/>
        <source>%1 is damaged: some of its text is not readable; &apos;reader check&apos; says more, &apos;reader recover&apos; copies what is readable</source>
        <translation>%1 已损坏：其中部分文字无法读取；“reader check”可查看详情，“reader recover”可复制出仍能读取的内容</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="33"/>
        <source>an article&apos;s stored text is damaged; &apos;reader check&apos; says more, &apos;reader recover&apos; copies what is readable</source>
        <translation>一篇文章保存的正文已损坏；“reader check”可查看详情，“reader recover”可复制出仍能读取的内容</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="38"/>
        <source>%1 is locked by another program; close it there and try again</source>
        <translation>%1 被另一个程序锁定，请在那个程序里关闭它后重试</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="41"/>
        <source>%1 is read-only; Reader cannot save changes there</source>
        <translation>%1 是只读的，Reader 无法在那里保存更改</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="42"/>
        <source>cannot open %1: the location cannot be written</source>
        <translation>无法打开 %1：该位置不可写入</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="43"/>
        <source>%1: the disk is full (or the library reached its size limit); the change was not saved</source>
        <translation>%1：磁盘已满（或文库已达到大小上限），更改未保存</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="47"/>
        <source>%1 is damaged or not a Reader library; &apos;reader check&apos; says more, &apos;reader recover&apos; copies what is readable</source>
        <translation>%1 已损坏，或者不是 Reader 文库；“reader check”可查看详情，“reader recover”可复制出仍能读取的内容</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="52"/>
        <source>%1: the disk could not be read or written (disk I/O error)</source>
        <translation>%1：无法读写磁盘（磁盘 I/O 错误）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="53"/>
        <source>%1: the change breaks a rule of the library (%2)</source>
        <translation>%1：此更改违反了文库的规则（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="54"/>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="55"/>
        <source>%1 is not a library file</source>
        <translation>%1 不是文库文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="56"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="57"/>
        <source>%1 exists; recover into a new file</source>
        <translation>%1 已存在，请恢复到一个新文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="58"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="59"/>
        <source>cannot recover into %1: %2</source>
        <translation>无法恢复到 %1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="60"/>
        <source>%1: no row of it could be read; nothing to recover</source>
        <translation>%1：一行数据也读不出来，没有可恢复的内容</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="61"/>
        <source>no article with id %1</source>
        <translation>没有编号为 %1 的文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="62"/>
        <source>a search may be at most %1 characters long</source>
        <translation>搜索内容最多 %1 个字符</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/library.py" line="63"/>
        <source>a search may hold at most %1 different words</source>
        <translation>一次搜索最多包含 %1 个不同的词</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="6"/>
        <source>select some text of the article first</source>
        <translation>请先在文章中选中一段文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="7"/>
        <source>unknown colour “%1”; use one of %2</source>
        <translation>未知的颜色“%1”，请使用以下颜色之一：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="8"/>
        <source>no annotation with id %1</source>
        <translation>没有编号为 %1 的标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="9"/>
        <source>no tag named “%1”</source>
        <translation>没有名为“%1”的标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="10"/>
        <source>a tag needs a name</source>
        <translation>标签需要一个名称</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="11"/>
        <source>a tag named “%1” exists: merge instead</source>
        <translation>已有名为“%1”的标签，请改用合并</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="12"/>
        <source>a tag&apos;s shortcut is one of the keys 1 to 9</source>
        <translation>标签的快捷键只能是 1 到 9 中的一个数字键</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="13"/>
        <source>not a Reader tag set (expected &quot;format&quot;: &quot;reader-tagset&quot;)</source>
        <translation>不是 Reader 标签集（应含有 &quot;format&quot;: &quot;reader-tagset&quot;）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="14"/>
        <source>tag set entry %1 has no name</source>
        <translation>标签集的第 %1 项没有名称</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="15"/>
        <source>tag set entry %1: shortcut must be one of 1-9</source>
        <translation>标签集的第 %1 项：快捷键必须是 1 到 9 之一</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="16"/>
        <source>%1: cannot read it (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="17"/>
        <source>%1: not JSON (line %2: %3)</source>
        <translation>%1：不是 JSON（第 %2 行：%3）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="18"/>
        <source>unknown review status “%1”</source>
        <translation>未知的审阅状态“%1”</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="19"/>
        <source>a word has no spaces</source>
        <translation>词语中不能有空格</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="20"/>
        <source>agreement needs two annotators; these articles have %1</source>
        <translation>计算一致性至少需要两位标注人，而这些文章的标注人只有：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="21"/>
        <source>--as needs a name</source>
        <translation>--as 需要一个名称</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="22"/>
        <source>“%1” is reserved for adjudication; choose another name</source>
        <translation>“%1”是裁定专用的名称，请另选一个</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="23"/>
        <source>%1: %2 of its annotations name no annotator; say whose they are with --as NAME</source>
        <translation>%1：其中有 %2 条标注没有注明标注人；请用 --as NAME 说明它们是谁的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="27"/>
        <source>%1: cannot open it (%2)</source>
        <translation>%1：无法打开（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="28"/>
        <source>%1: a SQLite file, but not a Reader library</source>
        <translation>%1：这是 SQLite 文件，但不是 Reader 文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="29"/>
        <source>cannot merge a library into itself</source>
        <translation>不能把文库合并到它自己</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="30"/>
        <source>cannot find a free id for annotation %1</source>
        <translation>找不到可供标注 %1 使用的空闲编号</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="31"/>
        <source>annotation %1 is already %2</source>
        <translation>标注 %1 已经属于%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="32"/>
        <source>this annotation has lost its passage; re-attach it first</source>
        <translation>这条标注已失去它所在的段落，请先重新挂接</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="33"/>
        <source>annotation %1 has no tag “%2”</source>
        <translation>标注 %1 没有标签“%2”</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="34"/>
        <source>a gold span needs a tag</source>
        <translation>金标准片段需要一个标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/notes.py" line="35"/>
        <source>article %1 has annotations by %2: adjudication needs two annotators</source>
        <translation>文章 %1 的标注人只有：%2；裁定至少需要两位标注人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="8"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="12"/>
        <source>%1 or %2</source>
        <translation>%1或%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="13"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="14"/>
        <source>item %1</source>
        <translation>第 %1 项</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="15"/>
        <source>a folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="16"/>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="17"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="18"/>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="19"/>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="20"/>
        <source>field %1</source>
        <translation>字段 %1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="21"/>
        <source>the record</source>
        <translation>该记录</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="22"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="23"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="24"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="25"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="26"/>
        <source>an object {…}</source>
        <translation>对象 {…}</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="27"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="28"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="29"/>
        <source>an id of letters, digits, &apos;-&apos;, &apos;_&apos;, &apos;.&apos;, &apos;:&apos; or &apos;~&apos; (no spaces)</source>
        <translation>由字母、数字、&apos;-&apos;、&apos;_&apos;、&apos;.&apos;、&apos;:&apos; 或 &apos;~&apos; 组成的编号（不含空格）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="32"/>
        <source>a date and time like 2026-01-31T08:00:00+00:00</source>
        <translation>形如 2026-01-31T08:00:00+00:00 的日期和时间</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="33"/>
        <source>in the expected form</source>
        <translation>规定的格式</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="34"/>
        <source>no one</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="35"/>
        <source>gold</source>
        <translation>金标准</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="36"/>
        <source>gold/rejected</source>
        <translation>已否决的金标准</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="37"/>
        <source>no such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="38"/>
        <source>read-only file system</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="39"/>
        <source>no space left on device</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="40"/>
        <source>is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="41"/>
        <source>not a directory</source>
        <translation>不是文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="42"/>
        <source>file name too long</source>
        <translation>文件名太长</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="43"/>
        <source>disk quota exceeded</source>
        <translation>超出了磁盘配额</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="44"/>
        <source>input/output error</source>
        <translation>输入/输出错误</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="45"/>
        <source>file exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="46"/>
        <source>operation not permitted</source>
        <translation>不允许此操作</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="47"/>
        <source>directory not empty</source>
        <translation>文件夹不是空的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="48"/>
        <source>device or resource busy</source>
        <translation>设备或资源正忙</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="49"/>
        <source>too many open files</source>
        <translation>打开的文件太多</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="50"/>
        <source>database is locked</source>
        <translation>数据库已锁定</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="51"/>
        <source>unable to open database file</source>
        <translation>无法打开数据库文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="52"/>
        <source>file is not a database</source>
        <translation>文件不是数据库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="53"/>
        <source>database disk image is malformed</source>
        <translation>数据库磁盘映像已损坏</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="54"/>
        <source>disk i/o error</source>
        <translation>磁盘 I/O 错误</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="55"/>
        <source>it holds %1 and no %2 of Reader&apos;s</source>
        <translation>其中有 %1，却没有 Reader 的 %2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="56"/>
        <source>it holds %1, which Reader did not write</source>
        <translation>其中的 %1 不是 Reader 写出的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="57"/>
        <source>%1 is not a plain file</source>
        <translation>%1 不是普通文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/phrases.py" line="58"/>
        <source>%1 was changed after Reader wrote it; import it first or move it away</source>
        <translation>%1 在 Reader 写出之后被改动过；请先导入它，或把它移走</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="6"/>
        <source>field %1 is missing</source>
        <translation>缺少字段 %1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="7"/>
        <source>%1 must be %2</source>
        <translation>%1 必须是%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="8"/>
        <source>%1 must be one of %2</source>
        <translation>%1 必须是以下之一：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="9"/>
        <source>%1 must be %2 or more</source>
        <translation>%1 不能小于 %2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="10"/>
        <source>%1 must be at most %2</source>
        <translation>%1 不能大于 %2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="11"/>
        <source>%1 must not be empty</source>
        <translation>%1 不能为空</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="12"/>
        <source>%1 is too long (more than %2 characters)</source>
        <translation>%1 太长（超过 %2 个字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="13"/>
        <source>%1 holds the same value twice</source>
        <translation>%1 中有重复的值</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="14"/>
        <source>%1 has too many items (more than %2)</source>
        <translation>%1 的项太多（超过 %2 项）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="15"/>
        <source>%1 is not valid (%2)</source>
        <translation>%1 无效（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/schema.py" line="16"/>
        <source>it is nested too deeply</source>
        <translation>嵌套层级太深</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="6"/>
        <source>%1: no labelled regions in it</source>
        <translation>%1：其中没有已标注的区域</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="7"/>
        <source>%1: field &apos;%2.value.text&apos; must be text</source>
        <translation>%1：字段 &apos;%2.value.text&apos; 必须是文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="8"/>
        <source>%1: field &apos;value.end&apos; must be after &apos;value.start&apos;</source>
        <translation>%1：字段 &apos;value.end&apos; 必须在 &apos;value.start&apos; 之后</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="9"/>
        <source>%1 %2 lies outside the text (%3 UTF-16 units)</source>
        <translation>%1 %2 超出了正文范围（正文共 %3 个 UTF-16 码元）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="10"/>
        <source>%1 %2 falls inside a character that takes two UTF-16 units (an emoji or a rare CJK character); the offsets are not UTF-16 units</source>
        <translation>%1 %2 落在一个占两个 UTF-16 码元的字符（表情符号或生僻汉字）中间；这些偏移量不是以 UTF-16 码元计的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="15"/>
        <source>%1: no labelled spans in it</source>
        <translation>%1：其中没有已标注的片段</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="16"/>
        <source>%1: field &apos;%2&apos; must be [start, end, label]</source>
        <translation>%1：字段 &apos;%2&apos; 必须是 [start, end, label]</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="17"/>
        <source>%1: field &apos;%2&apos; has an empty label</source>
        <translation>%1：字段 &apos;%2&apos; 的标签是空的</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="18"/>
        <source>%1: field &apos;%2&apos; ends before it starts</source>
        <translation>%1：字段 &apos;%2&apos; 的结束位置在开始位置之前</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="19"/>
        <source>%1: %2 is missing; export the XMI from INCEpTION with its type system (as a .zip, or the folder holding both)</source>
        <translation>%1：缺少 %2；请从 INCEpTION 导出带类型系统的 XMI（导出为 .zip，或使用同时装有两者的文件夹）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="24"/>
        <source>%1: %2: not a UIMA type system</source>
        <translation>%1：%2：不是 UIMA 类型系统</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="25"/>
        <source>%1: not a UIMA CAS XMI file (%2)</source>
        <translation>%1：不是 UIMA CAS XMI 文件（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="26"/>
        <source>%1: no spans of a custom layer in it</source>
        <translation>%1：其中没有自定义层的片段</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="27"/>
        <source>%1: a damaged .zip (%2)</source>
        <translation>%1：.zip 文件已损坏（%2）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="28"/>
        <source>%1: its text %2 is missing</source>
        <translation>%1：缺少对应的正文文件 %2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="29"/>
        <source>%1: no brat annotations in it</source>
        <translation>%1：其中没有 brat 标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="30"/>
        <source>%1: a T line needs &apos;T1&lt;TAB&gt;Label start end&apos;</source>
        <translation>%1：T 行的格式应为 &apos;T1&lt;TAB&gt;Label start end&apos;</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="31"/>
        <source>%1: a T line needs a label and offsets</source>
        <translation>%1：T 行需要一个标签和偏移量</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="32"/>
        <source>%1: offsets %2-%3 do not fit %4 (%5 characters)</source>
        <translation>%1：偏移量 %2-%3 超出了 %4 的范围（共 %5 个字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="33"/>
        <source>%1: the note refers to %2, which is not a span</source>
        <translation>%1：该批注指向 %2，但它不是片段</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/core_messages/tools.py" line="34"/>
        <source>%1: offsets must be &apos;start end&apos; (whole numbers)</source>
        <translation>%1：偏移量必须写成 &apos;start end&apos;（整数）</translation>
    </message>
</context>
<context>
    <name>DisagreementsModel</name>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="246"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="247"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="248"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="249"/>
        <source>Marked by</source>
        <translation>标出者</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="250"/>
        <source>Not by</source>
        <translation>未标出者</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../src/reader/ui/errors.py" line="29"/>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>出错了：%1。详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="102"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="266"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="274"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="296"/>
        <source>Export notes</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="113"/>
        <source>Obsidian (a folder, one note per article)</source>
        <translation>Obsidian（文件夹，每篇文章一个笔记）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="114"/>
        <source>CSV (for tools)</source>
        <translation>CSV（供程序使用）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="119"/>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>W3C 网络批注（JSON-LD）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="127"/>
        <source>The whole annotated text (Markdown; Word with comments)</source>
        <translation>带批注的全文（Markdown；Word 用批注）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="132"/>
        <source>Current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="132"/>
        <source>Selected articles</source>
        <translation>选中的文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="132"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="138"/>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="141"/>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="142"/>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="143"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="152"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="153"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="155"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="157"/>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="158"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="159"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="160"/>
        <source>Annotator:</source>
        <translation>标注人：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="161"/>
        <source>Review status:</source>
        <translation>审阅状态：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="238"/>
        <source>No annotation matches: choose other articles or filters.</source>
        <translation>没有相符的批注：请换一些文章或筛选条件。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="245"/>
        <source>An Excel workbook: %1 in %2.</source>
        <translation>Excel 工作簿：%2中的 %1。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="247"/>
        <source>A Word document: %1 in %2.</source>
        <translation>Word 文档：%2中的 %1。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="249"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n 条标注</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="250"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="258"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="288"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="337"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="297"/>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 已存在。要替换它吗？</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="335"/>
        <source>Not exported: the notes there are kept.</source>
        <translation>未导出：文件夹里的笔记保持原样。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="344"/>
        <source>%n note(s) in this folder would be replaced by the export, and whatever was changed in them there would be lost:</source>
        <translation>
            <numerusform>导出将替换此文件夹中的 %n 篇笔记，在那里对它们所做的修改都会丢失：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="351"/>
        <source>Replace notes?</source>
        <translation>替换笔记？</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="361"/>
        <source>Exported %1 (%2 bytes)</source>
        <translation>已导出 %1（%2 字节）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="376"/>
        <source>Import notes</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="378"/>
        <source>Reader notes</source>
        <translation>Reader 批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="392"/>
        <source>Notes imported</source>
        <translation>批注已导入</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="406"/>
        <source>Cannot import these notes</source>
        <translation>无法导入这些批注</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="61"/>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="64"/>
        <source>Traditional = Simplified</source>
        <translation>简繁通查</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="66"/>
        <source>Match Traditional and Simplified characters alike (监警会 finds 監警會)</source>
        <translation>繁体字与简体字视为相同（搜“监警会”也能找到“監警會”）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="74"/>
        <source>Previous (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="77"/>
        <source>Next (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="80"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="82"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="123"/>
        <source>no hits</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>FloatingBar</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="208"/>
        <source>Highlight in %1 (H: the last colour)</source>
        <translation>用%1高亮（H：上次的颜色）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="217"/>
        <source>Tag… (keys 1–9: the tags bound to them)</source>
        <translation>标签…（按键 1–9：绑定在键上的标签）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="218"/>
        <source>Note… (N)</source>
        <translation>批注…（N）</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="116"/>
        <source>Preparing the import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="116"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="119"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="143"/>
        <source>Building the search index: %1 of %n article(s)</source>
        <translation>
            <numerusform>正在建立搜索索引：%1/%n 篇文章</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="153"/>
        <source>Imported %1 of %n file(s)
%2</source>
        <translation>
            <numerusform>已导入 %1/%n 个文件
%2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="173"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="174"/>
        <source>%n file(s) were refused.</source>
        <translation>
            <numerusform>%n 个文件被拒绝。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="183"/>
        <source>… and %n more (Show Details…)</source>
        <translation>
            <numerusform>……另有 %n 个（见“显示详情…”）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="194"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="71"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="72"/>
        <source>Show the articles and sections whose titles match</source>
        <translation>只显示标题相符的文章和章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="384"/>
        <source>No article is marked “%1”.</source>
        <translation>没有标为“%1”的文章。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="382"/>
        <source>No title matches “%1”.</source>
        <translation>没有标题包含“%1”。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/status_menu.py" line="28"/>
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/status_menu.py" line="30"/>
        <source>Review status of all its %1 articles</source>
        <translation>其中全部 %1 篇文章的审阅状态</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <location filename="../../src/reader/ui/browse/tree_model.py" line="414"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/tree_model.py" line="414"/>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/reader/ui/window/main_window.py" line="168"/>
        <source>Cannot open the library</source>
        <translation>无法打开文库</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/window/main_window.py" line="261"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n 字</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/importing.py" line="33"/>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/importing.py" line="49"/>
        <source>Import into %1 finished: %2</source>
        <translation>导入到 %1 已完成：%2</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/importing.py" line="57"/>
        <source>Import finished: %1</source>
        <translation>导入完成：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/importing.py" line="82"/>
        <source>The tree&apos;s filter hides the new article.</source>
        <translation>目录的筛选隐藏了新文章。</translation>
    </message>
</context>
<context>
    <name>Merger</name>
    <message>
        <location filename="../../src/reader/ui/team/merging.py" line="56"/>
        <source>Cannot merge</source>
        <translation>无法合并</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/merging.py" line="59"/>
        <source>A merge is already running.</source>
        <translation>已有合并正在进行。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/merging.py" line="74"/>
        <source>Whose annotations?</source>
        <translation>这些标注是谁的？</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/merging.py" line="76"/>
        <source>%n annotation(s) in %1 name no annotator. Whose are they?</source>
        <translation>
            <numerusform>%1 中有 %n 条标注没有注明标注人。它们是谁的？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/merging.py" line="84"/>
        <source>Merged: %1 new, %2 updated, %3 already present</source>
        <translation>合并完成：新增 %1 条，更新 %2 条，已存在 %3 条</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/merging.py" line="90"/>
        <source>; %n article(s) matched none here</source>
        <translation>
            <numerusform>；%n 篇文章在这里没有对应</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/merging.py" line="91"/>
        <source> (%n annotation(s) not merged)</source>
        <translation>
            <numerusform>（%n 条标注未合并）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Names</name>
    <message>
        <location filename="../../src/reader/ui/names.py" line="20"/>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="21"/>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="22"/>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="23"/>
        <source>pink</source>
        <translation>粉色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="24"/>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="25"/>
        <source>purple</source>
        <translation>紫色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="26"/>
        <source>teal</source>
        <translation>青色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="27"/>
        <source>grey</source>
        <translation>灰色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="33"/>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="34"/>
        <source>In progress</source>
        <translation>阅读中</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="35"/>
        <source>Reviewed</source>
        <translation>已审</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="36"/>
        <source>Needs changes</source>
        <translation>需修改</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="45"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="46"/>
        <location filename="../../src/reader/ui/names.py" line="67"/>
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="47"/>
        <source>Reader review report</source>
        <translation>Reader 审阅报告</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="48"/>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="49"/>
        <source>orphaned</source>
        <translation>已失去位置</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="50"/>
        <source>anchored</source>
        <translation>已定位</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="51"/>
        <source>moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="54"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="55"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="56"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="57"/>
        <source>Before</source>
        <translation>前文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="58"/>
        <source>After</source>
        <translation>后文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="59"/>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="60"/>
        <source>End</source>
        <translation>终点</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="61"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="62"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="63"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="64"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="65"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="66"/>
        <source>Updated</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="68"/>
        <source>Anchor</source>
        <translation>定位</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="79"/>
        <source>%1 imported, %2 unchanged, %3 updated, %4 refused</source>
        <translation>导入 %1 个，未变 %2 个，更新 %3 个，拒绝 %4 个</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="85"/>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="89"/>
        <source>%1 imported, %2 merged, %3 orphaned, %4 skipped</source>
        <translation>导入 %1 条，合并 %2 条，失去锚点 %3 条，跳过 %4 条</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../src/reader/ui/annotate/note_editor.py" line="40"/>
        <location filename="../../src/reader/ui/annotate/note_editor.py" line="84"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/note_editor.py" line="50"/>
        <source>Note on the passage (Ctrl+Enter saves, Esc cancels)</source>
        <translation>对这段文字的批注（Ctrl+Enter 保存，Esc 取消）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/note_editor.py" line="85"/>
        <source>Discard the note you typed?</source>
        <translation>放弃刚才输入的批注？</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../src/reader/ui/qt_gaps.py" line="11"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/qt_gaps.py" line="12"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>RetagDialog</name>
    <message>
        <location filename="../../src/reader/ui/annotate/retag_dialog.py" line="44"/>
        <source>Retag</source>
        <translation>重设标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/retag_dialog.py" line="60"/>
        <source>Some of them have it: left so, each keeps its own</source>
        <translation>部分批注有此标签：保持此状态，则各自保留原样</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/retag_dialog.py" line="70"/>
        <source>New tag</source>
        <translation>新标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/annotate/retag_dialog.py" line="77"/>
        <source>Tags of the %n chosen annotation(s):</source>
        <translation>
            <numerusform>所选 %n 条批注的标签：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="75"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="100"/>
        <source>Edit note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="107"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="109"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="115"/>
        <source>Export notes…</source>
        <translation>导出批注…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="116"/>
        <source>Import notes…</source>
        <translation>导入批注…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="117"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="118"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="133"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="146"/>
        <source>Show articles with this review status</source>
        <translation>只显示此审阅状态的文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="147"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="302"/>
        <source>Undo history cleared: its steps named tags that are renamed or gone.</source>
        <translation>已清空撤销记录：其中的步骤涉及已改名或已删除的标签。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="351"/>
        <source>Select the new passage first.</source>
        <translation>请先选中新的段落。</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../src/reader/ui/window/search_dock.py" line="21"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="58"/>
        <source>Search the library (words separated by spaces, &quot;a phrase&quot; in quotes)</source>
        <translation>搜索文库（多个词用空格分隔，“短语”加引号）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="68"/>
        <source>Show all hits</source>
        <translation>显示全部结果</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="70"/>
        <source>Traditional = Simplified</source>
        <translation>简繁通查</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="72"/>
        <source>Match Traditional and Simplified characters alike (监警会 finds 監警會)</source>
        <translation>繁体字与简体字视为相同（搜“监警会”也能找到“監警會”）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="187"/>
        <source>No hits for “%1” in the articles read so far; “Show all hits” reads them all.</source>
        <translation>目前读过的文章中没有找到“%1”；“显示全部结果”会读遍所有文章。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="191"/>
        <source>No hits for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="195"/>
        <source>The first %n hit(s), best articles first; “reader search --all” lists every hit.</source>
        <translation>
            <numerusform>前 %n 处结果，最相关的文章在前；“reader search --all”可列出全部结果。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="203"/>
        <source>The first %n hit(s), in %1; “Show all hits” finds the rest.</source>
        <translation>
            <numerusform>前 %n 处结果，出自 %1；“显示全部结果”可找出其余的。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="207"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%1中共 %n 处</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="212"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n 篇文章</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../src/reader/ui/browse/results_model.py" line="63"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/results_model.py" line="63"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/results_model.py" line="63"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="40"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="43"/>
        <source>Snap selections to whole words</source>
        <translation>选区自动对齐到整词</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="52"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="60"/>
        <source>A new language shows when Reader restarts.</source>
        <translation>新的界面语言在 Reader 重新启动后生效。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="67"/>
        <source>Annotator:</source>
        <translation>标注人：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="69"/>
        <source>Theme:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="74"/>
        <source>Words (one a line; kept in the library):</source>
        <translation>自定义词语（每行一个，保存在文库中）：</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="159"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="174"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="175"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="176"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="177"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="178"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="179"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="184"/>
        <source>To bind a key, choose a tag and press 1–9.</source>
        <translation>要绑定按键，请选中一个标签并按 1–9。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="239"/>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="239"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="247"/>
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="262"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="263"/>
        <source>Merge “%1” into:</source>
        <translation>把“%1”合并到：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="280"/>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="282"/>
        <source>“%1” is on %n annotation(s). Delete the tag from all of them?</source>
        <translation>
            <numerusform>“%1”用在 %n 条标注上。要从所有标注中删除这个标签吗？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="295"/>
        <source>Export tag set</source>
        <translation>导出标签集</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="304"/>
        <source>Import tag set</source>
        <translation>导入标签集</translation>
    </message>
</context>
<context>
    <name>TagScoresModel</name>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="144"/>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="178"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="179"/>
        <source>Span F1</source>
        <translation>片段 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="180"/>
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="183"/>
        <location filename="../../src/reader/ui/team/models.py" line="184"/>
        <source>Spans of %1</source>
        <translation>%1的片段数</translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="93"/>
        <source>Key %1 moved from “%2” to “%3”.</source>
        <translation>按键 %1 已从“%2”移到“%3”。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="113"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="114"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="115"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="116"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="117"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="128"/>
        <source>Press 1–9 to bind, Delete to unbind</source>
        <translation>按 1–9 绑定，按 Delete 解除</translation>
    </message>
</context>
<context>
    <name>TeamMenu</name>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="47"/>
        <source>Merge annotator work…</source>
        <translation>合并标注人的成果…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="48"/>
        <source>Agreement…</source>
        <translation>一致性…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="49"/>
        <source>Adjudicate this article</source>
        <translation>裁定本文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="50"/>
        <source>Team charts…</source>
        <translation>团队图表…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="51"/>
        <source>Team report…</source>
        <translation>团队报告…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="58"/>
        <source>&amp;Team</source>
        <translation>团队(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="83"/>
        <source>Libraries and notes</source>
        <translation>文库和批注文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="83"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="86"/>
        <source>Merge annotator work</source>
        <translation>合并标注人的成果</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="104"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="127"/>
        <source>Open an article to adjudicate first.</source>
        <translation>请先打开要裁定的文章。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="132"/>
        <source>Adjudication</source>
        <translation>裁定</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="165"/>
        <source>Save the team report</source>
        <translation>保存团队报告</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="176"/>
        <source>Team report</source>
        <translation>团队报告</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="182"/>
        <source>Team report saved: %1</source>
        <translation>团队报告已保存：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="185"/>
        <source>Cannot save the team report</source>
        <translation>无法保存团队报告</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/menu.py" line="188"/>
        <source>The team report is being written already.</source>
        <translation>团队报告正在生成中。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="15"/>
        <source>Welcome to Reader</source>
        <translation>欢迎使用 Reader</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="21"/>
        <source>This library is empty. Open the sample newspaper articles to look around, or import your own .txt and .md files — you can also drop files and folders onto this window.</source>
        <translation>文库是空的。可以先打开示例报纸文章看看，或导入自己的 .txt 和 .md 文件——也可以把文件和文件夹拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="36"/>
        <source>Open the sample articles</source>
        <translation>打开示例文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="37"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="55"/>
        <source>Importing… the first article opens as soon as it is in.</source>
        <translation>正在导入……第一篇文章导入后立即打开。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="51"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="52"/>
        <source>New library…</source>
        <translation>新建文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="54"/>
        <source>Open library…</source>
        <translation>打开文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="58"/>
        <source>Recent libraries</source>
        <translation>最近的文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="61"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="63"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="68"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="71"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="72"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="74"/>
        <source>Find in article…</source>
        <translation>在文章中查找…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="77"/>
        <source>Search the library…</source>
        <translation>搜索文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="82"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="84"/>
        <source>Show source</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="87"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="89"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="89"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="98"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="101"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="105"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="107"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="117"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="121"/>
        <source>Next article</source>
        <translation>下一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="127"/>
        <source>Previous article</source>
        <translation>上一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="131"/>
        <source>Next section</source>
        <translation>下一节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="134"/>
        <source>Previous section</source>
        <translation>上一节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="140"/>
        <source>Next annotation</source>
        <translation>下一条批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="146"/>
        <source>Previous annotation</source>
        <translation>上一条批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="160"/>
        <source>No annotation after this one.</source>
        <translation>后面没有批注了。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="162"/>
        <source>No annotation before this one.</source>
        <translation>前面没有批注了。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="167"/>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="200"/>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="227"/>
        <source>The language changes when Reader restarts.</source>
        <translation>重新启动 Reader 后语言生效。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="240"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="243"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="247"/>
        <source>Reader library</source>
        <translation>Reader 文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="253"/>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="255"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="264"/>
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="274"/>
        <source>New library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="285"/>
        <source>Open library</source>
        <translation>打开文库</translation>
    </message>
</context>
<context>
    <name>WordLoader</name>
    <message>
        <location filename="../../src/reader/ui/reading/word_loader.py" line="33"/>
        <source>Word segmentation is unavailable</source>
        <translation>分词不可用</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/word_loader.py" line="46"/>
        <source>Chinese words are known now: a double click selects one.</source>
        <translation>词典已就绪：双击即可选中一个词。</translation>
    </message>
</context>
</TS>
