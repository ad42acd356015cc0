package org.policygraph.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Python's collections.Counter as score.py uses it: counts stay positive, insertion order is kept. */
final class Multiset<K extends PyKey> {

    private final Map<K, Integer> counts = new LinkedHashMap<>();

    void add(K key) {
        counts.merge(key, 1, Integer::sum);
    }

    /** {@code counter[key] = 1}. */
    void setOne(K key) {
        counts.put(key, 1);
    }

    int count(K key) {
        return counts.getOrDefault(key, 0);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@code Counter(set(keys))}: every key once. */
    Multiset<K> distinct() {
        Multiset<K> out = new Multiset<>();
        counts.keySet().forEach(out::setOne);
        return out;
    }

    /** {@code self & other}: the smaller count of each key of self. */
    Multiset<K> intersect(Multiset<K> other) {
        Multiset<K> out = new Multiset<>();
        counts.forEach((key, n) -> {
            int m = Math.min(n, other.count(key));
            if (m > 0) {
                out.counts.put(key, m);
            }
        });
        return out;
    }

    /** {@code self - other}: only keys left with a positive count. */
    Multiset<K> minus(Multiset<K> other) {
        Multiset<K> out = new Multiset<>();
        counts.forEach((key, n) -> {
            int m = n - other.count(key);
            if (m > 0) {
                out.counts.put(key, m);
            }
        });
        return out;
    }

    /** {@code self + other}. */
    Multiset<K> plus(Multiset<K> other) {
        Multiset<K> out = new Multiset<>();
        counts.forEach((key, n) -> out.counts.put(key, n));
        other.counts.forEach((key, n) -> out.counts.merge(key, n, Integer::sum));
        return out;
    }

    /** {@code sorted(counter.elements(), key=str)} printed as a Python list. */
    String sortedElementsRepr() {
        List<K> elements = new ArrayList<>();
        counts.forEach((key, n) -> {
            for (int i = 0; i < n; i++) {
                elements.add(key);
            }
        });
        elements.sort((a, b) -> Py.CODE_POINT_ORDER.compare(a.str(), b.str()));
        List<String> shown = elements.stream().map(PyKey::repr).toList();
        return "[" + String.join(", ", shown) + "]";
    }
}
