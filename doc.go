// Package dragoman holds the domain of the engine: the article, the
// document that every pipeline stage annotates, and the annotations
// themselves (paragraphs, sentences, tokens, entities, quotes, events and
// dates). It imports nothing but the standard library.
//
// Offsets. Every Span is a half-open range [Start, End) of UTF-8 byte
// offsets into Article.Body, and carries the text it covers, so a reader can
// check any annotation against the article without recomputing anything.
//
// Stages. Each stage of the pipeline (segment, ner, actor, quote, timex,
// event) is a package that reads a *Document and adds annotations to it.
// Stages never import each other; the pipeline package runs them in order.
package dragoman
