package io.switchboard.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What a message shows. The variant decides the channel it needs: rich content needs RCS. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TextContent.class, name = "text"),
    @JsonSubTypes.Type(value = MediaContent.class, name = "media"),
    @JsonSubTypes.Type(value = CardContent.class, name = "card"),
    @JsonSubTypes.Type(value = CarouselContent.class, name = "carousel"),
    @JsonSubTypes.Type(value = SmsContent.class, name = "sms"),
    @JsonSubTypes.Type(value = MmsContent.class, name = "mms"),
    @JsonSubTypes.Type(value = TemplateContent.class, name = "template")
})
public sealed interface Content
        permits TextContent, MediaContent, CardContent, CarouselContent, SmsContent, MmsContent,
        TemplateContent {

    /** The channel this content is written for. */
    Channel channel();
}
