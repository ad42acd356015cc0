package org.policygraph.link;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkProperties.class)
class LinkConfiguration {

    @Bean
    TaskTerms taskTerms(LinkProperties properties) {
        return new TaskTerms(new Segmenter(), ThemeVocabulary.standard().allTriggers(), properties.alignment());
    }
}
