<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjudicationView</name>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="136"/>
        <location filename="../../src/reader/ui/team/adjudication.py" line="274"/>
        <source>Auto-merge agreed spans</source>
        <translation>自动合并一致的标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="138"/>
        <source>Write into gold every span all annotators marked with the same tag</source>
        <translation>把所有标注人以相同标签标出的片段全部写入金标准</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="141"/>
        <source>Reject (R)</source>
        <translation>否决 (R)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="143"/>
        <source>Gold = selection (E)</source>
        <translation>以选区为金标准 (E)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="145"/>
        <source>Write gold over the passage selected in the text, with this tag</source>
        <translation>把正文中选中的段落以此标签写入金标准</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="165"/>
        <source>1–9: take that annotator&apos;s version · R or Delete: reject · E: selection</source>
        <translation>1–9：采用该标注人的版本 · R 或删除键：否决 · E：采用选区</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="208"/>
        <source>Key %1: take %2&apos;s version</source>
        <translation>按键 %1：采用 %2 的版本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="233"/>
        <source>%1 disagreements left</source>
        <translation>还剩 %1 处分歧</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="235"/>
        <source>No disagreements left in this article.</source>
        <translation>本文已没有分歧。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="278"/>
        <source>No agreed spans left to merge.</source>
        <translation>没有可合并的一致标注了。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="295"/>
        <source>Take %1&apos;s version</source>
        <translation>采用 %1 的版本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="300"/>
        <source>Reject “%1”</source>
        <translation>否决“%1”</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="307"/>
        <source>Select the gold passage in the text first.</source>
        <translation>请先在正文中选中作为金标准的段落。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/adjudication.py" line="311"/>
        <source>Gold “%1”</source>
        <translation>金标准“%1”</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="65"/>
        <source>Cohen&apos;s κ (characters)</source>
        <translation>Cohen κ（按字符）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="66"/>
        <source>Exact span F1</source>
        <translation>精确片段 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="67"/>
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="68"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff α</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="77"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="91"/>
        <source>Click a pair to see its scores per tag</source>
        <translation>点击一对标注人，查看各标签的得分</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="106"/>
        <source>Double-click or press Enter to open the passage</source>
        <translation>双击或按 Enter 打开该段落</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="114"/>
        <source>Measure:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="122"/>
        <source>Pairs of annotators</source>
        <translation>标注人两两对比</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="149"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="158"/>
        <source>Agreement</source>
        <translation>一致性</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="176"/>
        <source>%1 annotators, %2 tags</source>
        <translation>%1 位标注人，%2 个标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="181"/>
        <source>Disagreements: %1</source>
        <translation>分歧：%1 处</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/agreement_view.py" line="203"/>
        <source>%1 and %2, %3 articles</source>
        <translation>%1 与 %2，共 %3 篇文章</translation>
    </message>
</context>
<context>
    <name>AnnotateUi</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="143"/>
        <source>Bind key %1</source>
        <translation>绑定按键 %1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="144"/>
        <source>No tag is bound to the key %1. Tag to bind to it:</source>
        <translation>按键 %1 还没有绑定标签。要绑定的标签：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="152"/>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="164"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="152"/>
        <source>Tag (type to create a new one):</source>
        <translation>标签（输入新名称即可新建）：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="159"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="170"/>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="171"/>
        <source>Add note…</source>
        <translation>添加批注…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="172"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="183"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
</context>
<context>
    <name>AnnotationsModel</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="121"/>
        <source>Orphaned: its passage is gone. Select a new one and use “Re-attach”.</source>
        <translation>已失去锚点：原文段落已不存在。请选中新的段落，再点“重新挂接”。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="123"/>
        <source>Moved when the text changed.</source>
        <translation>文本变化后已移动位置。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="143"/>
        <source>Quote</source>
        <translation>引文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="144"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="145"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="146"/>
        <source>Annotator</source>
        <translation>标注人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="147"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_model.py" line="148"/>
        <source>Section</source>
        <translation>章节</translation>
    </message>
</context>
<context>
    <name>AnnotationsPanel</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="87"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="92"/>
        <source>Filter text</source>
        <translation>筛选文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="95"/>
        <source>By position</source>
        <translation>按位置</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="95"/>
        <source>By date</source>
        <translation>按日期</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="97"/>
        <source>No annotations yet — select text and press 1–9 or H.</source>
        <translation>还没有批注——选中文字后按 1–9 或 H。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="131"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="132"/>
        <source>Retag…</source>
        <translation>重设标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="133"/>
        <source>Re-attach</source>
        <translation>重新挂接</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="161"/>
        <source>Re-attach to selection</source>
        <translation>重新挂接到选区</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="140"/>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="190"/>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="141"/>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="194"/>
        <source>All colours</source>
        <translation>全部颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="142"/>
        <location filename="../../src/reader/ui/annotate/annotations_panel.py" line="200"/>
        <source>All annotators</source>
        <translation>全部标注人</translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="119"/>
        <source>Change colour</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="121"/>
        <source>Highlight</source>
        <translation>高亮</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="126"/>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="131"/>
        <source>Tag “%1”</source>
        <translation>标记“%1”</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="149"/>
        <source>Key point</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="149"/>
        <source>A passage that matters</source>
        <translation>值得注意的段落</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="150"/>
        <source>Person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="150"/>
        <source>A person named or quoted</source>
        <translation>提到或引述的人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="151"/>
        <source>Figure</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="151"/>
        <source>A number, date or statistic</source>
        <translation>数字、日期或统计</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="152"/>
        <source>Question</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="152"/>
        <source>Unclear, or to ask about</source>
        <translation>不清楚，或需要提问</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="153"/>
        <source>To check</source>
        <translation>待核实</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="153"/>
        <source>A fact to verify</source>
        <translation>需要核实的事实</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="163"/>
        <source>Starter tags added: %1</source>
        <translation>已添加初始标签：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="179"/>
        <source>Add note</source>
        <translation>添加批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="183"/>
        <source>Edit note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="228"/>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="259"/>
        <source>Edit annotation</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="262"/>
        <source>Retag</source>
        <translation>重设标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="281"/>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotator.py" line="294"/>
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
    <name>DisagreementsModel</name>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="226"/>
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="227"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="228"/>
        <source>Passage</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="229"/>
        <source>Marked by</source>
        <translation>标出者</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="230"/>
        <source>Not by</source>
        <translation>未标出者</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../src/reader/ui/errors.py" line="28"/>
        <source>Something went wrong: %1. The details are in the log.</source>
        <translation>出错了：%1。详细信息已写入日志。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="95"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="242"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="250"/>
        <source>Export notes</source>
        <translation>导出批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="106"/>
        <source>Obsidian (a folder, one note per article)</source>
        <translation>Obsidian（文件夹，每篇文章一个笔记）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="107"/>
        <source>CSV (for tools)</source>
        <translation>CSV（供程序使用）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="112"/>
        <source>W3C Web Annotation (JSON-LD)</source>
        <translation>W3C 网络批注（JSON-LD）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="120"/>
        <source>The whole annotated text (Markdown; Word with comments)</source>
        <translation>带批注的全文（Markdown；Word 用批注）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="125"/>
        <source>Current article</source>
        <translation>当前文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="125"/>
        <source>Selected articles</source>
        <translation>选中的文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="125"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="131"/>
        <source>Any tag</source>
        <translation>任意标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="134"/>
        <source>Any colour</source>
        <translation>任意颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="135"/>
        <source>Anyone</source>
        <translation>任何人</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="136"/>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="142"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="145"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="147"/>
        <source>Articles:</source>
        <translation>文章：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="148"/>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="149"/>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="150"/>
        <source>Annotator:</source>
        <translation>标注人：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="151"/>
        <source>Review status:</source>
        <translation>审阅状态：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="206"/>
        <source>An Excel workbook: %1 annotations in %2 articles.</source>
        <translation>Excel 工作簿：%2 篇文章中的 %1 条标注。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="208"/>
        <source>A Word document: %1 annotations in %2 articles.</source>
        <translation>Word 文档：%2 篇文章中的 %1 条标注。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="234"/>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="281"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="287"/>
        <source>Exported %1 (%2 bytes)</source>
        <translation>已导出 %1（%2 字节）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="300"/>
        <source>Import notes</source>
        <translation>导入批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="302"/>
        <source>Reader notes</source>
        <translation>Reader 批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="316"/>
        <source>Notes imported</source>
        <translation>批注已导入</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="330"/>
        <source>Cannot import these notes</source>
        <translation>无法导入这些批注</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="60"/>
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="64"/>
        <source>Match Traditional and Simplified characters alike (监警会 finds 監警會)</source>
        <translation>繁体字与简体字视为相同（搜“监警会”也能找到“監警會”）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="72"/>
        <source>Previous (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="75"/>
        <source>Next (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="78"/>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="80"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/reading/find_bar.py" line="121"/>
        <source>no hits</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>FloatingBar</name>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="209"/>
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/annotate_ui.py" line="210"/>
        <source>Note…</source>
        <translation>批注…</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="80"/>
        <source>Preparing the import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="80"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="83"/>
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="110"/>
        <source>Imported %1 of %2 files
%3</source>
        <translation>已导入 %1/%2 个文件
%3</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="131"/>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="132"/>
        <source>%1 files were refused.</source>
        <translation>%1 个文件被拒绝。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="142"/>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>LibraryTree</name>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="66"/>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="67"/>
        <source>Show the articles and sections whose titles match</source>
        <translation>只显示标题相符的文章和章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/library_tree.py" line="283"/>
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <location filename="../../src/reader/ui/browse/tree_model.py" line="338"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/tree_model.py" line="338"/>
        <source>Notes</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/reader/ui/window/main_window.py" line="156"/>
        <source>Cannot open the library</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/main_window.py" line="212"/>
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/main_window.py" line="283"/>
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/main_window.py" line="302"/>
        <source>Import finished: %1</source>
        <translation>导入完成：%1</translation>
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
    <message>
        <location filename="../../src/reader/ui/team/merging.py" line="75"/>
        <source>%1 annotations in %2 name no annotator. Whose are they?</source>
        <translation>%2 中有 %1 条标注没有注明标注人。它们是谁的？</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/merging.py" line="84"/>
        <source>Merged: %1 new, %2 updated, %3 already present, %4 unmatched articles (%5 annotations not merged)</source>
        <translation>合并完成：新增 %1 条，更新 %2 条，已存在 %3 条，%4 篇文章未能匹配（%5 条标注未合并）</translation>
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
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="47"/>
        <source>colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="48"/>
        <source>orphaned</source>
        <translation>已失去位置</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="49"/>
        <source>anchored</source>
        <translation>已定位</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="50"/>
        <source>moved</source>
        <translation>已移动</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="60"/>
        <source>%1 imported, %2 unchanged, %3 updated, %4 refused</source>
        <translation>导入 %1 个，未变 %2 个，更新 %3 个，拒绝 %4 个</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="66"/>
        <source>cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/names.py" line="70"/>
        <source>%1 imported, %2 merged, %3 orphaned, %4 skipped</source>
        <translation>导入 %1 条，合并 %2 条，失去锚点 %3 条，跳过 %4 条</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <location filename="../../src/reader/ui/annotate/note_editor.py" line="38"/>
        <source>Note</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/note_editor.py" line="46"/>
        <source>Note on the passage (Ctrl+Enter saves, Esc cancels)</source>
        <translation>对这段文字的批注（Ctrl+Enter 保存，Esc 取消）</translation>
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
    <name>Review</name>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="69"/>
        <source>Annotations</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="93"/>
        <source>Edit note</source>
        <translation>编辑批注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="100"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="102"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="108"/>
        <source>Export notes…</source>
        <translation>导出批注…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="109"/>
        <source>Import notes…</source>
        <translation>导入批注…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="110"/>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="111"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="126"/>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="139"/>
        <source>Show articles with this review status</source>
        <translation>只显示此审阅状态的文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="140"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="273"/>
        <source>Review status</source>
        <translation>审阅状态</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="299"/>
        <source>Retag</source>
        <translation>重设标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="299"/>
        <source>Tags (separate with spaces):</source>
        <translation>标签（用空格分隔）：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/review.py" line="307"/>
        <source>Select the new passage first.</source>
        <translation>请先选中新的段落。</translation>
    </message>
</context>
<context>
    <name>SearchDock</name>
    <message>
        <location filename="../../src/reader/ui/window/search_dock.py" line="20"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="40"/>
        <source>Search the library (words separated by spaces)</source>
        <translation>搜索文库（多个词用空格分隔）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="43"/>
        <source>Show all hits</source>
        <translation>显示全部结果</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="45"/>
        <source>Traditional = Simplified</source>
        <translation>简繁通查</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="47"/>
        <source>Match Traditional and Simplified characters alike (监警会 finds 監警會)</source>
        <translation>繁体字与简体字视为相同（搜“监警会”也能找到“監警會”）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="106"/>
        <source>No hits for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/search_panel.py" line="108"/>
        <source>%1 hits in %2 articles</source>
        <translation>%2 篇文章中共 %1 处</translation>
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
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="36"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="39"/>
        <source>Snap selections to whole words</source>
        <translation>选区自动对齐到整词</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="46"/>
        <source>Annotator:</source>
        <translation>标注人：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/dialogs/settings_dialog.py" line="50"/>
        <source>Words (one a line; kept in the library):</source>
        <translation>自定义词语（每行一个，保存在文库中）：</translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="139"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="154"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="155"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="156"/>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="157"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="158"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="159"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="164"/>
        <source>To bind a key, click a tag&apos;s Key cell and press 1–9.</source>
        <translation>绑定按键：点击标签的“按键”单元格，再按 1–9。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="193"/>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="193"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="201"/>
        <source>Tag colour</source>
        <translation>标签颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="216"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="217"/>
        <source>Merge “%1” into:</source>
        <translation>把“%1”合并到：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="234"/>
        <source>Delete tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="235"/>
        <source>“%1” is on %2 annotations. Delete the tag from all of them?</source>
        <translation>“%1”用在 %2 条标注上。要从所有标注中删除这个标签吗？</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="246"/>
        <source>Export tag set</source>
        <translation>导出标签集</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="255"/>
        <source>Import tag set</source>
        <translation>导入标签集</translation>
    </message>
</context>
<context>
    <name>TagScoresModel</name>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="126"/>
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="160"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="161"/>
        <source>Span F1</source>
        <translation>片段 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="162"/>
        <source>Overlap F1</source>
        <translation>重叠 F1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/team/models.py" line="165"/>
        <location filename="../../src/reader/ui/team/models.py" line="166"/>
        <source>Spans of %1</source>
        <translation>%1的片段数</translation>
    </message>
</context>
<context>
    <name>TagsModel</name>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="95"/>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="96"/>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="97"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="98"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="99"/>
        <source>Uses</source>
        <translation>使用次数</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="110"/>
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
        <location filename="../../src/reader/ui/browse/welcome.py" line="22"/>
        <source>This library is empty. Open the sample newspaper articles to look around, or import your own .txt and .md files — you can also drop files and folders onto this window.</source>
        <translation>文库是空的。可以先打开示例报纸文章看看，或导入自己的 .txt 和 .md 文件——也可以把文件和文件夹拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="33"/>
        <source>Open the sample articles</source>
        <translation>打开示例文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/browse/welcome.py" line="34"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="49"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="50"/>
        <source>New library…</source>
        <translation>新建文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="52"/>
        <source>Open library…</source>
        <translation>打开文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="56"/>
        <source>Recent libraries</source>
        <translation>最近的文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="59"/>
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="61"/>
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="66"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="69"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="70"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="72"/>
        <source>Find in article…</source>
        <translation>在文章中查找…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="75"/>
        <source>Search the library…</source>
        <translation>搜索文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="80"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="82"/>
        <source>Show source</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="85"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="87"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="87"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="96"/>
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="99"/>
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="103"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="105"/>
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="114"/>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="118"/>
        <source>Next article</source>
        <translation>下一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="124"/>
        <source>Previous article</source>
        <translation>上一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="128"/>
        <source>Next section</source>
        <translation>下一节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="131"/>
        <source>Previous section</source>
        <translation>上一节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="143"/>
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="176"/>
        <source>Annotate</source>
        <translation>标注</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="193"/>
        <source>The language changes when Reader restarts.</source>
        <translation>重新启动 Reader 后语言生效。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="203"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="206"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="210"/>
        <source>Reader library</source>
        <translation>Reader 文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="216"/>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="218"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="227"/>
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="237"/>
        <source>New library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/window/menus.py" line="248"/>
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
        <location filename="../../src/reader/ui/reading/word_loader.py" line="45"/>
        <source>Word segmentation ready.</source>
        <translation>分词词典已加载。</translation>
    </message>
</context>
</TS>
