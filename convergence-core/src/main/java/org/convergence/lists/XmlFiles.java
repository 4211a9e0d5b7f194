package org.convergence.lists;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The one way the XML lists are opened: streaming, with DTDs and external entities off (a list file is untrusted input). */
public final class XmlFiles {
    private XmlFiles() {}

    /** Closes a reader and its stream once reading is over: a failed close loses nothing, and the stream is closed either way. */
    public static void close(XMLStreamReader xml, InputStream input) {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // nothing was written through it
        }
        try {
            input.close();
        } catch (IOException e) {
            // as above
        }
    }

    public static XMLStreamReader open(InputStream input) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(input);
    }
}
