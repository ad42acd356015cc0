package org.policygraph.graph.query;

public record Evidence(String text, int start, int end, String documentKey) {}
