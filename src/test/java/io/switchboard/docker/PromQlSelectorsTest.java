package io.switchboard.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.docker.PromQlSelectors.Selector;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlSelectorsTest {

    @Test
    void shouldFindTheMetricsAndTheirMatchersLabelsButNotFunctionsOrKeywords() {
        PromQlSelectors found = PromQlSelectors.of("histogram_quantile(0.95, sum by (le, carrier) "
                + "(rate(switchboard_delivery_latency_seconds_bucket{stage=\"sent\", carrier=~\"$carrier\"}"
                + "[$__rate_interval]))) > bool 10 and on (carrier) up{job=\"by{x}\"} offset 5m");

        assertThat(found.selectors()).containsExactly(
                new Selector("switchboard_delivery_latency_seconds_bucket", Set.of("stage", "carrier")),
                new Selector("up", Set.of("job")));
        assertThat(found.groupingLabels()).containsExactly("le", "carrier");
    }

    @Test
    void shouldTellABareMetricFromAnAggregationWithoutGrouping() {
        PromQlSelectors found = PromQlSelectors.of("1 - (sum(rate(a_total[5m])) / sum (rate(b_total{x!=\"1\"}[5m])))");

        assertThat(found.selectors()).containsExactly(new Selector("a_total", Set.of()),
                new Selector("b_total", Set.of("x")));
        assertThat(found.groupingLabels()).isEmpty();
    }
}
