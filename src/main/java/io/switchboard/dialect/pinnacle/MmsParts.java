package io.switchboard.dialect.pinnacle;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * How Pinnacle MMS content is cut into messages: at most {@value #MAX_FILES} media files each, the text with the
 * first. Pinnacle cuts by size; the hub never fetches a client's media, so the file count is the limit it can check.
 * A send is cut only when {@code options.multiple_messages} is true (the validator refuses more files otherwise).
 */
@Component("pinnacleMmsParts")
public class MmsParts {

    static final int MAX_FILES = 10;
    static final int MAX_PARTS = 10;

    /** The messages an MMS send becomes, each with the send's sender, recipient and options. */
    public List<PinnacleWire.MmsSend> of(PinnacleWire.MmsSend request) {
        List<List<String>> groups = groups(request.mediaUrls());
        List<PinnacleWire.MmsSend> parts = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            parts.add(new PinnacleWire.MmsSend(request.from(), request.to(), i == 0 ? request.text() : null,
                    groups.get(i), request.options()));
        }
        return parts;
    }

    static List<List<String>> groups(List<String> files) {
        List<List<String>> groups = new ArrayList<>();
        for (int start = 0; start < files.size(); start += MAX_FILES) {
            groups.add(List.copyOf(files.subList(start, Math.min(files.size(), start + MAX_FILES))));
        }
        return groups;
    }
}
