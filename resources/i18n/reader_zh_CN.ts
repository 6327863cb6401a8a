<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../src/reader/ui/find_bar.py" line="41" />
        <source>Find in article</source>
        <translation>在文章中查找</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/find_bar.py" line="47" />
        <source>Previous (Shift+Enter)</source>
        <translation>上一个（Shift+Enter）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/find_bar.py" line="50" />
        <source>Next (Enter)</source>
        <translation>下一个（Enter）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/find_bar.py" line="53" />
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/find_bar.py" line="54" />
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/find_bar.py" line="80" />
        <source>no hits</source>
        <translation>无结果</translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message>
        <location filename="../../src/reader/ui/import_runner.py" line="78" />
        <source>Preparing the import…</source>
        <translation>正在准备导入…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/import_runner.py" line="78" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/import_runner.py" line="80" />
        <source>Importing</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/import_runner.py" line="102" />
        <source>Imported %1 of %2 files
%3</source>
        <translation>已导入 %1/%2 个文件
%3</translation>
    </message>
</context>
<context>
    <name>LibraryTreeModel</name>
    <message>
        <location filename="../../src/reader/ui/tree_model.py" line="162" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/tree_model.py" line="162" />
        <source>Notes</source>
        <translation>批注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="75" />
        <source>Filter articles and sections</source>
        <translation>筛选文章和章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="111" />
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="160" />
        <source>Cannot open the library</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="211" />
        <source>%1 characters</source>
        <translation>%1 字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="309" />
        <source>An import is already running.</source>
        <translation>已有导入正在进行。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="322" />
        <source>Word segmentation ready.</source>
        <translation>分词词典已加载。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="328" />
        <source>Import finished: %1</source>
        <translation>导入完成：%1</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="332" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/main_window.py" line="333" />
        <source>%1 files were refused.</source>
        <translation>%1 个文件被拒绝。</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../src/reader/ui/search_panel.py" line="30" />
        <source>Search the library (words separated by spaces)</source>
        <translation>搜索文库（多个词用空格分隔）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/search_panel.py" line="33" />
        <source>Show all hits</source>
        <translation>显示全部结果</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/search_panel.py" line="67" />
        <source>No hits for “%1”.</source>
        <translation>没有找到“%1”。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/search_panel.py" line="69" />
        <source>%1 hits in %2 articles</source>
        <translation>%2 篇文章中共 %1 处</translation>
    </message>
</context>
<context>
    <name>SearchResultsModel</name>
    <message>
        <location filename="../../src/reader/ui/results_model.py" line="59" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/results_model.py" line="59" />
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/results_model.py" line="59" />
        <source>Context</source>
        <translation>上下文</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../src/reader/ui/welcome.py" line="15" />
        <source>Welcome to Reader</source>
        <translation>欢迎使用 Reader</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/welcome.py" line="21" />
        <source>This library is empty. Open the sample newspaper articles to look around, or import your own .txt and .md files — you can also drop files and folders onto this window.</source>
        <translation>文库是空的。可以先打开示例报纸文章看看，或导入自己的 .txt 和 .md 文件——也可以把文件和文件夹拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/welcome.py" line="28" />
        <source>Open the sample articles</source>
        <translation>打开示例文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/welcome.py" line="29" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="41" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="42" />
        <source>New library…</source>
        <translation>新建文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="43" />
        <source>Open library…</source>
        <translation>打开文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="47" />
        <source>Recent libraries</source>
        <translation>最近的文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="50" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="51" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="56" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="59" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="60" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="62" />
        <source>Find in article…</source>
        <translation>在文章中查找…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="64" />
        <source>Search the library…</source>
        <translation>搜索文库…</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="69" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="70" />
        <source>Show source</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="73" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="75" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="75" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="82" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="84" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="88" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="90" />
        <source>System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="97" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="99" />
        <source>Next article</source>
        <translation>下一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="100" />
        <source>Previous article</source>
        <translation>上一篇文章</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="102" />
        <source>Next section</source>
        <translation>下一节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="103" />
        <source>Previous section</source>
        <translation>上一节</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="113" />
        <source>Reading</source>
        <translation>阅读</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="144" />
        <source>The language changes when Reader restarts.</source>
        <translation>重新启动 Reader 后语言生效。</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="153" />
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="156" />
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="161" />
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="166" />
        <source>New library</source>
        <translation>新建文库</translation>
    </message>
    <message>
        <location filename="../../src/reader/ui/menus.py" line="172" />
        <source>Open library</source>
        <translation>打开文库</translation>
    </message>
</context>
</TS>