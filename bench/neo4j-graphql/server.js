// The Neo4j GraphQL Library (@neo4j/graphql 7, graphql 16) over the PolicyGraph database, for comparison
// benchmarks only. Usage: node server.js BOLT_URI PORT   (POST /graphql, JSON {query, variables})
import http from "node:http";
import { Neo4jGraphQL } from "@neo4j/graphql";
import { graphql } from "graphql";
import neo4j from "neo4j-driver";

const typeDefs = /* GraphQL */ `
  type Document @node {
    key: String!
    docNumber: String
    title: String
    issuer: String
    year: Int
    level: String
    tasks: [Task!]! @relationship(type: "HAS_TASK", direction: OUT)
    region: [Region!]! @relationship(type: "ISSUED_IN", direction: OUT)
  }
  type Task @node {
    key: String!
    ordinal: Int
    title: String
    text: String
    document: [Document!]! @relationship(type: "HAS_TASK", direction: IN)
    departments: [Department!]! @relationship(type: "ASSIGNED_TO", direction: OUT, properties: "Assignment")
    pilots: [Pilot!]! @relationship(type: "DESIGNATES", direction: OUT)
    regions: [Region!]! @relationship(type: "MENTIONS", direction: OUT)
    indicators: [Indicator!]! @relationship(type: "SETS", direction: OUT)
  }
  type Assignment @relationshipProperties {
    role: String
    position: Int
  }
  type Department @node {
    key: String
    name: String!
    level: String
    tasks: [Task!]! @relationship(type: "ASSIGNED_TO", direction: IN, properties: "Assignment")
  }
  type Pilot @node {
    key: String!
    programmeName: String @alias(property: "programme")
    level: String
    programme: [Programme!]! @relationship(type: "OF_PROGRAMME", direction: OUT)
    task: [Task!]! @relationship(type: "DESIGNATES", direction: IN)
    regionSites: [Region!]! @relationship(type: "AT_SITE", direction: OUT)
    institutionSites: [Institution!]! @relationship(type: "AT_SITE", direction: OUT)
  }
  type Programme @node {
    name: String!
  }
  type Region @node {
    code: String!
    name: String
    level: String
    parent: [Region!]! @relationship(type: "PART_OF", direction: OUT)
    children: [Region!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Institution @node {
    key: String
    name: String
    region: [Region!]! @relationship(type: "LOCATED_IN", direction: OUT)
  }
  type Indicator @node {
    key: String!
    text: String
    value: Float
    unit: String
    comparator: String
    deadline: String
    subject: String
    start: Int
    end: Int
    task: [Task!]! @relationship(type: "SETS", direction: IN)
    document: [Document!]! @relationship(type: "SETS", direction: IN)
  }
`;

const [boltUri = "bolt://127.0.0.1:7687", port = "4000"] = process.argv.slice(2);
const driver = neo4j.driver(boltUri, neo4j.auth.basic("neo4j", "unused"));
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();

http.createServer((req, res) => {
  if (req.method !== "POST") { res.writeHead(req.url === "/health" ? 200 : 405); res.end(); return; }
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", async () => {
    try {
      const { query, variables } = JSON.parse(body);
      const result = await graphql({ schema, source: query, variableValues: variables, contextValue: {} });
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(result));
    } catch (e) {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ errors: [{ message: String(e) }] }));
    }
  });
}).listen(Number(port), "127.0.0.1", () => console.log(`@neo4j/graphql on http://127.0.0.1:${port}/graphql over ${boltUri}`));
