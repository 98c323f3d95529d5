/* lazy_xml.h: libxml2's streaming reader (an XLSForm workbook's sheets:
 * src/survey/xlsx.c), opened the first time it is needed (see lazy_lib.h).
 * Include this in place of <libxml/xmlreader.h>; calls read as they would linked.
 * lazy_xml_ready says whether it can be opened, in plain words. */
#ifndef SAYSO_LAZY_XML_H
#define SAYSO_LAZY_XML_H

#include <libxml/xmlreader.h>
#include <stdbool.h>
#include <stddef.h>

#include "lazy/lazy_lib.h"

#define LAZY_XML_FUNCTIONS(X) \
    X(xmlFreeTextReader) \
    X(xmlReaderForMemory) \
    X(xmlTextReaderConstLocalName) \
    X(xmlTextReaderConstValue) \
    X(xmlTextReaderIsEmptyElement) \
    X(xmlTextReaderLocatorLineNumber) \
    X(xmlTextReaderMoveToElement) \
    X(xmlTextReaderMoveToFirstAttribute) \
    X(xmlTextReaderMoveToNextAttribute) \
    X(xmlTextReaderNodeType) \
    X(xmlTextReaderRead) \
    X(xmlTextReaderSetErrorHandler)

typedef struct LazyXml {
    LAZY_XML_FUNCTIONS(LAZY_LIB_SLOT)
} LazyXml;

/* True when libxml2.so.2 and its functions are there; else false with a
 * message naming the library and its Debian package in `err`. */
bool lazy_xml_ready(char *err, size_t err_size);

/* The functions, the library opened first if need be (see
 * lazy_lib_require). */
const LazyXml *lazy_xml(void);

#define xmlFreeTextReader (lazy_xml()->fn_xmlFreeTextReader)
#define xmlReaderForMemory (lazy_xml()->fn_xmlReaderForMemory)
#define xmlTextReaderConstLocalName (lazy_xml()->fn_xmlTextReaderConstLocalName)
#define xmlTextReaderConstValue (lazy_xml()->fn_xmlTextReaderConstValue)
#define xmlTextReaderIsEmptyElement (lazy_xml()->fn_xmlTextReaderIsEmptyElement)
#define xmlTextReaderLocatorLineNumber (lazy_xml()->fn_xmlTextReaderLocatorLineNumber)
#define xmlTextReaderMoveToElement (lazy_xml()->fn_xmlTextReaderMoveToElement)
#define xmlTextReaderMoveToFirstAttribute (lazy_xml()->fn_xmlTextReaderMoveToFirstAttribute)
#define xmlTextReaderMoveToNextAttribute (lazy_xml()->fn_xmlTextReaderMoveToNextAttribute)
#define xmlTextReaderNodeType (lazy_xml()->fn_xmlTextReaderNodeType)
#define xmlTextReaderRead (lazy_xml()->fn_xmlTextReaderRead)
#define xmlTextReaderSetErrorHandler (lazy_xml()->fn_xmlTextReaderSetErrorHandler)

#endif
