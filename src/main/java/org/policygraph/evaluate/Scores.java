package org.policygraph.evaluate;

import java.util.List;

/** score.py's Scores, PRF and Ratio: counts for one document, or merged over several. */
final class Scores {

    static final List<String> NAMES = List.of("departments", "regions", "pilot_sites", "indicators");

    final Ratio doc = new Ratio();
    final Ratio titles = new Ratio();
    final Ratio lead = new Ratio();
    final Ratio comparator = new Ratio();
    final Ratio deadline = new Ratio();
    int tasksGold;
    int tasksPred;
    final Prf departments = new Prf();
    final Prf regions = new Prf();
    final Prf pilotSites = new Prf();
    final Prf indicators = new Prf();

    List<Prf> categories() {
        return List.of(departments, regions, pilotSites, indicators);
    }

    void merge(Scores o) {
        doc.merge(o.doc);
        titles.merge(o.titles);
        lead.merge(o.lead);
        comparator.merge(o.comparator);
        deadline.merge(o.deadline);
        tasksGold += o.tasksGold;
        tasksPred += o.tasksPred;
        List<Prf> mine = categories();
        List<Prf> theirs = o.categories();
        for (int i = 0; i < mine.size(); i++) {
            mine.get(i).merge(theirs.get(i));
        }
    }

    double overall() {
        double sum = 0; // summed left to right as Python's sum() does, for the same rounding
        for (Prf prf : categories()) {
            sum += prf.f1();
        }
        return sum / NAMES.size();
    }

    /** score.py's report(label, s). */
    List<String> report(String label) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(label);
        lines.add("  document fields " + doc + "   tasks " + tasksPred + "/" + tasksGold + "   titles " + titles
                + "   lead " + lead);
        List<Prf> prfs = categories();
        for (int i = 0; i < NAMES.size(); i++) {
            lines.add("  " + String.format("%-12s", NAMES.get(i)) + " " + prfs.get(i));
        }
        lines.add("  comparator " + comparator + "   deadline " + deadline);
        return lines;
    }

    Evaluation.Summary summary() {
        return new Evaluation.Summary(doc.fraction(), tasksPred, tasksGold, titles.fraction(), lead.fraction(),
                departments.category(), regions.category(), pilotSites.category(), indicators.category(),
                comparator.fraction(), deadline.fraction(), overall());
    }

    static final class Prf {
        int tp;
        int fp;
        int fn;

        /**
         * Adds one task's counts; optional gold keys count neither way. Returns {missed, extra} for the
         * verbose report.
         */
        <K extends PyKey> List<Multiset<K>> add(Multiset<K> gold, Multiset<K> pred, Multiset<K> optional) {
            Multiset<K> extra = pred.minus(gold).minus(optional);
            Multiset<K> missed = gold.minus(pred);
            tp += gold.intersect(pred).total();
            fp += extra.total();
            fn += missed.total();
            return List.of(missed, extra);
        }

        void merge(Prf o) {
            tp += o.tp;
            fp += o.fp;
            fn += o.fn;
        }

        double p() {
            if (tp + fp != 0) {
                return (double) tp / (tp + fp);
            }
            return fn == 0 ? 1.0 : 0.0;
        }

        double r() {
            return tp + fn != 0 ? (double) tp / (tp + fn) : 1.0;
        }

        double f1() {
            double p = p();
            double r = r();
            return p + r != 0 ? 2 * p * r / (p + r) : 0.0;
        }

        Evaluation.Category category() {
            return new Evaluation.Category(tp, fp, fn, p(), r(), f1());
        }

        @Override
        public String toString() {
            return "P " + Py.format3(p()) + " R " + Py.format3(r()) + " F1 " + Py.format3(f1())
                    + " (tp " + tp + " fp " + fp + " fn " + fn + ")";
        }
    }

    static final class Ratio {
        int hit;
        int total;

        void add(boolean ok) {
            total++;
            hit += ok ? 1 : 0;
        }

        void merge(Ratio o) {
            hit += o.hit;
            total += o.total;
        }

        double value() {
            return total != 0 ? (double) hit / total : 1.0;
        }

        Evaluation.Fraction fraction() {
            return new Evaluation.Fraction(hit, total, value());
        }

        @Override
        public String toString() {
            return Py.format3(value()) + " (" + hit + "/" + total + ")";
        }
    }
}
