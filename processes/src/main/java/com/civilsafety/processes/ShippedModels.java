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
 * The processes and decisions the platform deploys (processes/*.bpmn, processes/*.dmn): a call activity may call only
 * those processes, a business rule task only those decisions.
 */
public final class ShippedModels {
    private static volatile Set<String> decisions;
    private static volatile Set<String> processes;

    private ShippedModels() {
    }

    /** the ids of the decisions in the shipped DMN files */
    public static Set<String> decisionIds() {
        Set<String> found = decisions;
        if (found == null) {
            found = read("classpath*:processes/*.dmn", "decision");
            decisions = found;
        }
        return found;
    }

    /** the ids of the processes in the shipped BPMN files */
    public static Set<String> processIds() {
        Set<String> found = processes;
        if (found == null) {
            found = read("classpath*:processes/*.bpmn", "process");
            processes = found;
        }
        return found;
    }

    private static Set<String> read(String files, String element) {
        Set<String> found = new TreeSet<>();
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(files)) {
                try (InputStream in = resource.getInputStream()) {
                    NodeList elements = factory.newDocumentBuilder().parse(in).getElementsByTagNameNS("*", element);
                    for (int i = 0; i < elements.getLength(); i++) {
                        found.add(elements.item(i).getAttributes().getNamedItem("id").getNodeValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("a shipped model cannot be read: " + files, e);
        }
        return Set.copyOf(found);
    }
}
