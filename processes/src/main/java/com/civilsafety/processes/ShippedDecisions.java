package com.civilsafety.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The decisions the platform deploys with its processes (processes/*.dmn): a business rule task may call only these.
 */
public final class ShippedDecisions {
    private static volatile Set<String> ids;

    private ShippedDecisions() {
    }

    /** the ids of the decisions in the shipped DMN files */
    public static Set<String> ids() {
        Set<String> found = ids;
        if (found == null) {
            found = read();
            ids = found;
        }
        return found;
    }

    private static Set<String> read() {
        Set<String> found = new TreeSet<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn")) {
                try (InputStream in = resource.getInputStream()) {
                    NodeList decisions = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", "decision");
                    for (int i = 0; i < decisions.getLength(); i++) {
                        found.add(decisions.item(i).getAttributes().getNamedItem("id").getNodeValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("a shipped DMN file cannot be read", e);
        }
        return Set.copyOf(found);
    }
}
