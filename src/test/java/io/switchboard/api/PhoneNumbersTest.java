package io.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against libphonenumber's own tables, as the hub runs them. */
class PhoneNumbersTest {

    /** {@link PhoneNumbers} says why neither validity nor the lengths a country's numbers have are checked. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', textBlock = """
        +4917612345678   | E.164
        +14155550100     | E.164
        +4930123456      | a landline
        +390612345678    | Italy's leading zero
        +80012345678     | no country: international freephone
        +15559876543     | fictional, which validity refuses (area code 555)
        +15551234567     | fictional, which validity refuses (area code 555)
        +15557401234502  | longer than a +1 number, as the sandbox numbering plan's unique recipients
        +155574000000010 | fifteen digits
        """)
    void shouldAccept(String number, String why) {
        assertThat(PhoneNumbers.isE164(number)).isTrue();
    }

    @ParameterizedTest(name = "{1}: ''{0}''")
    @CsvSource(delimiter = '|', textBlock = """
        +12345               | fewer than 7 digits
        +491761              | fewer than 7 digits
        +4917612345678901    | more than 15 digits
        +1555740123456789    | more than 15 digits
        +99912345678         | no country has code 999
        +2591234567          | no country has code 259
        (415) 474-6461       | national: no country code
        4154746461           | national: no country code
        0176 1234            | national: no country code
        01761234567          | national: no country code
        +1 415 474 6461      | a number libphonenumber reads, but not in E.164: spaces
        +1-415-474-6461      | a number libphonenumber reads, but not in E.164: dashes
        +1 (415) 474-6461    | a number libphonenumber reads, but not in E.164: brackets
        +14154746461 ext. 12 | a number libphonenumber reads, but not in E.164: an extension
        +1800FLOWERS         | a number libphonenumber reads, but not in E.164: letters
        +4901761234567       | a number libphonenumber reads, but not in E.164: the national prefix 0
        ++14154746461        | a number libphonenumber reads, but not in E.164: two plus signs
        '  +14154746461'     | a number libphonenumber reads, but not in E.164: a leading space
        +                    | garbage
        hello                | garbage
        agent_acme           | garbage
        +abc                 | garbage
        +49 176 hello        | garbage
        """)
    void shouldRefuse(String number, String why) {
        assertThat(PhoneNumbers.isE164(number)).isFalse();
    }

    @Test
    void shouldRefuseNothing() {
        assertThat(PhoneNumbers.isE164(null)).isFalse();
        assertThat(PhoneNumbers.isE164("")).isFalse();
    }

    @Test
    void shouldGiveACarriersNumberWithoutItsPlusSignItBack() {
        assertThat(PhoneNumbers.e164("15559876543")).contains("+15559876543");
        assertThat(PhoneNumbers.e164(" +4917612345678 ")).contains("+4917612345678");
    }

    @Test
    void shouldFindNoNumberInAnAgentIdOrAnUnassignedCountryCode() {
        assertThat(PhoneNumbers.e164("agent_acme")).isEmpty();
        assertThat(PhoneNumbers.e164("99912345678")).isEmpty();
        assertThat(PhoneNumbers.e164(null)).isEmpty();
    }
}
