package io.switchboard.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetGuardTest {

    private final TargetGuard strict = new TargetGuard(false);
    private final TargetGuard sandbox = new TargetGuard(true);

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
        "224.0.0.1", "198.18.0.1", "fc00::1", "fe80::1", "::"})
    void shouldRefuseInternalAddressesWhateverTheLoopbackSetting(String ip) throws Exception {
        InetAddress address = InetAddress.getByName(ip);

        assertThat(strict.refusal(address)).isNotNull();
        assertThat(sandbox.refusal(address)).isNotNull();
    }

    @Test
    void shouldAllowLoopbackOnlyWhenTheSettingIsOn() throws Exception {
        assertThat(strict.refusal(InetAddress.getByName("127.0.0.1"))).contains("loopback");
        assertThat(strict.refusal(InetAddress.getByName("::1"))).contains("loopback");
        assertThat(sandbox.refusal(InetAddress.getByName("127.0.0.1"))).isNull();
        assertThat(strict.refusal(URI.create("http://127.0.0.1:9999/hooks"))).contains("loopback");
        assertThat(sandbox.refusal(URI.create("http://127.0.0.1:9999/hooks"))).isNull();
    }

    @Test
    void shouldAllowPublicAddressesAndDemandHttpsForThem() throws Exception {
        assertThat(strict.refusal(InetAddress.getByName("93.184.215.14"))).isNull();
        assertThat(strict.refusal(URI.create("http://93.184.215.14/hook"))).isEqualTo("must use https");
        assertThat(strict.refusal(URI.create("https://93.184.215.14/hook"))).isNull();
    }

    @Test
    void shouldRefuseUrlsThatAreNotHttpOrDoNotResolve() {
        assertThat(strict.refusal(URI.create("file:///etc/passwd"))).contains("http");
        assertThat(strict.refusal(URI.create("https://no-such-host.invalid/hook"))).contains("does not resolve");
        assertThat(strict.refusal(URI.create("https://[::ffff:10.0.0.1]/hook"))).contains("internal");
    }

    @Test
    void shouldRefuseMediaOnInternalAddressesButAllowNamesOnlyTheCarrierCanResolve() {
        assertThat(strict.mediaRefusal(URI.create("https://10.0.0.5/a.jpg"))).contains("internal");
        assertThat(strict.mediaRefusal(URI.create("http://localhost/a.jpg"))).contains("loopback");
        assertThat(sandbox.mediaRefusal(URI.create("http://localhost/a.jpg"))).isNull();
        assertThat(strict.mediaRefusal(URI.create("https://cdn.no-such-host.invalid/a.jpg"))).isNull();
        assertThat(strict.mediaRefusal(URI.create("https://93.184.215.14/a.jpg"))).isNull();
        assertThat(strict.mediaRefusal(URI.create("ftp://93.184.215.14/a.jpg"))).contains("http");
        assertThat(strict.mediaRefusal(URI.create("mailto:someone@example.com"))).contains("http");
        assertThat(strict.mediaRefusal(URI.create("https://169.254.169.254/latest"))).contains("internal");
        assertThat(strict.mediaRefusal(URI.create("http://[::ffff:10.0.0.1]/media.jpg"))).contains("internal");
        assertThat(strict.mediaRefusal(URI.create("http://127.0.0.1:8080/media.jpg"))).contains("loopback");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://2130706433/a.jpg", "https://0x7f.1/a.jpg", "https://017700000001/a.jpg",
        "https://LOCALHOST./a.jpg", "https://media.localhost/a.jpg", "https://[::1]/a.jpg", "https://127.1.2.3/a.jpg"})
    void shouldRefuseMediaOnThisMachineHoweverTheAddressIsWritten(String url) {
        assertThat(strict.mediaRefusal(URI.create(url))).isNotNull();
    }
}
