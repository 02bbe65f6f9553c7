package io.switchboard.dialect.pinnacle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AwsCronTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "cron(0 9 * * MON-FRI *)",
        "cron(0 9 ? * MON-FRI *)",
        "0 9 ? * MON-FRI *",
        "cron(0/15 8-17 ? * MON-FRI *)",
        "cron(*/5 * * * ? *)",
        "cron(0 10 L * ? *)",
        "cron(0 10 LW * ? *)",
        "cron(0 9 15W * ? 2030-2035)",
        "cron(0 10 ? * 6L 2030)",
        "cron(0 10 ? * 2#1 *)",
        "cron(30 23 1,15 JAN,jul ? *)",
        "CRON(0 12 ? * SUN *)"
    })
    void shouldAcceptAwsCronExpressions(String expression) {
        assertThat(AwsCron.problem(expression)).isNull();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "cron(0 9 * * MON-FRI)|must be an AWS cron expression with six fields",
        "0 9 * * MON-FRI * 2030|must be an AWS cron expression with six fields",
        "cron(60 9 ? * MON *)|has an invalid minutes field '60'",
        "cron(0 24 ? * MON *)|has an invalid hours field '24'",
        "cron(0 9 32 * ? *)|has an invalid day-of-month field '32'",
        "cron(0 9 ? 13 MON *)|has an invalid month field '13'",
        "cron(0 9 ? * FUNDAY *)|has an invalid day-of-week field 'FUNDAY'",
        "cron(0 9 ? * 8 *)|has an invalid day-of-week field '8'",
        "cron(0 9 ? * 2#6 *)|has an invalid day-of-week field '2#6'",
        "cron(0 9 ? * MON 1969)|has an invalid year field '1969'",
        "cron(? 9 * * MON *)|has an invalid minutes field '?'",
        "cron(0/0 9 * * ? *)|has an invalid minutes field '0/0'",
        "cron(0 9 1, * ? *)|has an invalid day-of-month field '1,'"
    })
    void shouldNameTheFieldThatIsWrong(String expression, String problem) {
        assertThat(AwsCron.problem(expression)).startsWith(problem);
    }
}
