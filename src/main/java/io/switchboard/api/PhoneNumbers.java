package io.switchboard.api;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers as every dialect reads them: E.164, read by libphonenumber.
 *
 * <p>A number passes when it is written exactly in E.164 ({@code +}, country code, subscriber number, nothing else),
 * its country code is assigned ({@code +99912345678} is refused: no country has 999) and it has 7 to 15 digits.
 *
 * <p>Not checked, on purpose:
 * <ul>
 * <li>validity (libphonenumber's {@code isValidNumber}: a range the country has handed out). It refuses the fictional
 * numbers the vendors' documentation, the README and the sandbox use ({@code +15559876543}: area code 555 is not
 * handed out). Whether a number is in service is the carrier's to say.</li>
 * <li>the lengths possible in the number's country ({@code isPossibleNumber}). The sandbox numbering plan makes
 * recipients unique with digits after a routing prefix and before the two digits that pick the sandbox's behaviour,
 * and tests and benchmarks send such numbers longer than ten digits after +1 ({@code +15557401234502}); checking the
 * length per country would refuse them. The 7 to 15 digits are the bounds the hub has always taken.</li>
 * </ul>
 *
 * <p>No dialect takes national formats ({@code (415) 474-6461}, {@code 0176 1234}): each vendor documents the country
 * code, so a number without it is refused rather than completed with a default country.
 */
public final class PhoneNumbers {

    static final int MIN_DIGITS = 7;
    /** ITU-T E.164's limit. */
    static final int MAX_DIGITS = 15;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** A number that starts with {@code +} needs no region to be read; "ZZ" is libphonenumber's "unknown". */
    private static final String NO_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /** Whether {@code number} is written in E.164 with an assigned country code, such as {@code +4917612345678}. */
    public static boolean isE164(String number) {
        if (number == null || !number.startsWith("+")) {
            return false;
        }
        try {
            // parse refuses an unassigned country code, and reads spaces, dashes, letters and extensions, which the
            // E.164 form it writes back has none of
            PhoneNumber parsed = UTIL.parse(number, NO_REGION);
            int digits = number.length() - 1;
            return UTIL.format(parsed, PhoneNumberFormat.E164).equals(number)
                    && digits >= MIN_DIGITS && digits <= MAX_DIGITS;
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * A number a carrier reported, in E.164: as written, or given back its plus sign when the carrier writes its
     * digits alone (v5 does).
     *
     * @return the number in E.164, or empty when it is not a phone number with an assigned country code
     */
    public static Optional<String> e164(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String trimmed = number.strip();
        String candidate = trimmed.startsWith("+") ? trimmed : "+" + trimmed;
        return isE164(candidate) ? Optional.of(candidate) : Optional.empty();
    }
}
