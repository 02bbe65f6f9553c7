package io.switchboard.operations;

import java.net.URI;
import java.net.URISyntaxException;

/** URLs as operators see them: without user info, query or fragment, where credentials and tokens travel. */
final class SafeUrls {

    private SafeUrls() {
    }

    static String withoutCredentials(URI url) {
        try {
            return new URI(url.getScheme(), null, url.getHost(), url.getPort(), url.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            return url.getScheme() + "://" + url.getHost();
        }
    }
}
