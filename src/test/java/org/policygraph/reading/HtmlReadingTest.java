package org.policygraph.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Web pages of policy documents, written here: the metadata block first, then the article, none of the site. */
class HtmlReadingTest {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
              <meta charset="utf-8">
              <title>XX市卫生健康委员会关于印发《2024年XX工作要点》的通知_XX市人民政府</title>
              <style>.zoom p { text-indent: 2em; }</style>
              <script>var 统计代码 = "不要读我";</script>
            </head>
            <body>
              <div class="top-header"><a href="/">XX市人民政府门户网站</a> <a href="/wza">无障碍浏览</a></div>
              <ul class="main-nav"><li>首页</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul>
              <div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
              <div class="search-box"><input placeholder="请输入关键字"> 搜索本站</div>
              <table class="xxgk-info">
                <tr><td>索 引 号：</td><td>11111111-1/2024-00012</td><td>主题分类：</td><td>卫生、体育</td></tr>
                <tr><td>发文机关：</td><td>XX市卫生健康委员会</td><td>成文日期：</td><td>2024年03月01日</td></tr>
                <tr><td>文　　号：</td><td>X卫发〔2024〕12号</td><td>发布日期：</td><td>2024年03月05日</td></tr>
              </table>
              <div class="content-wrap">
                <h1 class="article-title">XX市卫生健康委员会关于印发《2024年XX工作要点》的通知</h1>
                <div class="article-share">分享到：微信 微博 QQ空间</div>
                <div id="zoom" class="TRS_Editor">
                  <p>各区卫生健康局，委机关各处室：</p>
                  <p>&nbsp;&nbsp;现将《2024年XX工作要点》印发给你们，请认真贯彻落实。</p>
                  <p>一、重点任务</p>
                  <p>（一）加强基层医疗服务能力建设。推进社区卫生服务中心标准化建设。<br>（市卫生健康委牵头，市财政局、市医保局配合）</p>
                  <div>（二）推进家庭医生签约服务。<span>重点人群签约率达到75%以上。</span></div>
                  <table border="1">
                    <thead><tr><th>序号</th><th>重点任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr></thead>
                    <tbody>
                      <tr><td>1</td><td>加强基层医疗服务能力建设</td><td rowspan="2">市卫生健康委</td><td><p>市财政局</p><p>市医保局</p></td><td>2024年12月底前</td></tr>
                      <tr><td>2</td><td>推进家庭医生签约服务</td><td>各区人民政府</td><td>2024年6月底前</td></tr>
                      <tr><td colspan="5">备注：各责任单位每季度末报送进展。</td></tr>
                    </tbody>
                  </table>
                  <p style="text-align:right">XX市卫生健康委员会</p>
                  <p style="text-align:right">2024年3月1日</p>
                </div>
                <div class="related-links"><h3>相关链接</h3></div>
              </div>
              <div class="footer">主办：XX市人民政府办公室 网站标识码：1111111111 ICP备案号</div>
            </body>
            </html>
            """;

    @Test
    void shouldEmitTheMetadataBlockAndTheArticleWithoutTheSite() throws Exception {
        ReadDocument read = DocumentReader.read(PAGE.getBytes(StandardCharsets.UTF_8));

        assertThat(read.format()).isEqualTo(Format.HTML);
        assertThat(read.charset()).isEqualTo("UTF-8");
        assertThat(read.text()).startsWith("""
                索引号：11111111-1/2024-00012
                主题分类：卫生、体育
                发文机关：XX市卫生健康委员会
                成文日期：2024年03月01日
                文号：X卫发〔2024〕12号
                发布日期：2024年03月05日
                各区卫生健康局，委机关各处室：
                """);
        assertThat(read.text()).contains("""
                \u00A0\u00A0现将《2024年XX工作要点》印发给你们，请认真贯彻落实。
                一、重点任务
                （一）加强基层医疗服务能力建设。推进社区卫生服务中心标准化建设。
                （市卫生健康委牵头，市财政局、市医保局配合）
                （二）推进家庭医生签约服务。重点人群签约率达到75%以上。
                序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限
                1 | 加强基层医疗服务能力建设 | 市卫生健康委 | 市财政局 市医保局 | 2024年12月底前
                2 | 推进家庭医生签约服务 | 市卫生健康委 | 各区人民政府 | 2024年6月底前
                备注：各责任单位每季度末报送进展。
                XX市卫生健康委员会
                2024年3月1日""");
        for (String site : new String[] {"首页", "政务服务", "当前位置", "搜索", "分享到", "微博", "相关链接", "主办",
                "网站标识码", "无障碍", "统计代码", "text-indent", "_XX市人民政府"}) {
            assertThat(read.text()).as(site).doesNotContain(site);
        }
    }

    @Test
    void shouldDecodeAGbkPageByItsMetaCharset() throws Exception {
        Charset gbk = Charset.forName("GBK");
        String page = """
                <html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head>
                <body><div class="nav">首页</div>
                <div class="article"><p>（一）加强基层医疗服务能力建设。（市卫生健康委牵头，市财政局配合）</p>
                <p>（二）推进家庭医生签约服务。</p></div></body></html>
                """;

        ReadDocument read = DocumentReader.read(page.getBytes(gbk));

        assertThat(read.format()).isEqualTo(Format.HTML);
        assertThat(read.charset()).isEqualTo("GB18030");
        assertThat(read.text()).isEqualTo("""
                （一）加强基层医疗服务能力建设。（市卫生健康委牵头，市财政局配合）
                （二）推进家庭医生签约服务。""");
    }

    @Test
    void shouldDecodeAPageWithoutDeclarationByItsBytes() throws Exception {
        String page = "<html><body><p>（一）加强基层医疗服务能力建设。</p><p>（二）推进家庭医生签约服务。</p></body></html>";

        ReadDocument read = DocumentReader.read(page.getBytes(Charset.forName("GB18030")));

        assertThat(read.charset()).isEqualTo("GB18030");
        assertThat(read.text()).isEqualTo("（一）加强基层医疗服务能力建设。\n（二）推进家庭医生签约服务。");
    }

    @Test
    void shouldFindTheArticleOfAPageWithoutCmsNames() throws Exception {
        String page = """
                <!doctype html><html><body>
                <div><a>首页</a> <a>政务公开</a> <a>办事服务</a></div>
                <div><div>
                  <p>（一）加强基层医疗服务能力建设。推进社区卫生服务中心标准化建设。</p>
                  <p>（二）推进家庭医生签约服务。重点人群签约率达到75%以上。</p>
                  <p>（三）完善公共卫生应急体系。（市卫生健康委牵头）</p>
                </div></div>
                <div><span>版权所有</span></div>
                </body></html>
                """;

        assertThat(DocumentReader.read(page.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo("""
                （一）加强基层医疗服务能力建设。推进社区卫生服务中心标准化建设。
                （二）推进家庭医生签约服务。重点人群签约率达到75%以上。
                （三）完善公共卫生应急体系。（市卫生健康委牵头）""");
    }
}
