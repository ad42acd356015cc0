// Full-text search over task titles and texts (index taskText, CJK bigram analyzer), best first.
// The terms use Lucene syntax: 医保 finds tasks with the bigram 医保; "家庭医生" a phrase;
// 医保 AND 支付 both. Scores are rounded to one decimal: they shift slightly whenever any task text changes.
// params: {terms: "家庭医生", limit: 10}
// terms: Lucene query; limit: most tasks returned.
CALL db.index.fulltext.queryNodes('taskText', $terms) YIELD node, score
RETURN node.docKey AS document, node.ordinal AS task, node.title AS title, round(score, 1) AS score
ORDER BY score DESC, document, task
LIMIT $limit;
